package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // decoders for DecodeConfig
	_ "image/jpeg" //
	_ "image/png"  //
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"galley/internal/regfile"
	"galley/source"
)

// Limits on embedded images.
const (
	// MaxImageBytes is the largest image file embedded (20 MiB).
	MaxImageBytes = 20 << 20
	// MaxImagePixels bounds width×height, checked from the header before anything is decoded,
	// so a small file cannot expand into gigabytes (a decompression bomb).
	MaxImagePixels = 40_000_000
)

// Image is an image ready to embed: its bytes, format and pixel size.
type Image struct {
	Data []byte
	// Format is "jpeg", "png" or "gif".
	Format string
	// Name is a safe file name for the image inside an artifact.
	Name          string
	Width, Height int
}

// MediaType returns the image's MIME type.
func (im *Image) MediaType() string { return "image/" + im.Format }

// Images finds the bytes of a figure's image.
type Images interface {
	// Find returns the figure's image, or an error saying why there is none.
	Find(f *source.Figure) (*Image, error)
}

// ErrNoImage is returned (wrapped) when a figure's image is not available.
var ErrNoImage = errors.New("image not found")

// errNoSource is an Article's answer for every figure when it has no Images.
var errNoSource = fmt.Errorf("%w: no image source", ErrNoImage)

// DirImages finds images by file name under one directory, never outside it: the name comes
// from the URL's path or the caption's file name, and a path that climbs out with "..", is
// absolute, or resolves through a symlink to a place outside the directory is refused.
type DirImages struct {
	Dir string
	// Fetch, when set, is asked for http(s) images that are not found locally.
	Fetch func(rawURL string) ([]byte, error)
}

// Find implements Images.
func (d *DirImages) Find(f *source.Figure) (*Image, error) {
	if f.Src != "" {
		u, err := url.Parse(f.Src)
		if err == nil && u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
			return nil, fmt.Errorf("%w: %s: addresses are refused, only local files and http(s)", ErrNoImage, u.Scheme)
		}
	}
	var tried []string
	for _, name := range candidates(f) {
		data, err := d.readLocal(name)
		if err == nil {
			return Decode(data, name)
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		tried = append(tried, name)
	}
	if d.Fetch != nil && strings.HasPrefix(strings.ToLower(f.Src), "http") {
		data, err := d.Fetch(f.Src)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNoImage, err)
		}
		name := f.File
		if name == "" {
			name = "image"
		}
		return Decode(data, name)
	}
	if len(tried) == 0 {
		return nil, fmt.Errorf("%w: no file name", ErrNoImage)
	}
	return nil, fmt.Errorf("%w: no %s under the image directory", ErrNoImage, strings.Join(tried, " or "))
}

// candidates lists the local names a figure's image may have: the URL's path (relative
// addresses only) and the file name from the caption.
func candidates(f *source.Figure) []string {
	var out []string
	if u, err := url.Parse(f.Src); err == nil && u.Scheme == "" && u.Host == "" && u.Path != "" {
		out = append(out, u.Path)
	}
	if f.File != "" && (len(out) == 0 || out[0] != f.File) {
		out = append(out, f.File)
	}
	return out
}

// readLocal reads name under d.Dir, refusing any path that leaves it.
func (d *DirImages) readLocal(name string) ([]byte, error) {
	if d.Dir == "" {
		return nil, os.ErrNotExist
	}
	if filepath.IsAbs(name) || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") {
		return nil, fmt.Errorf("%w: %s: absolute paths are refused", ErrNoImage, name)
	}
	clean := path.Clean(name)
	if clean == ".." || strings.HasPrefix(clean, "../") || !filepath.IsLocal(clean) {
		return nil, fmt.Errorf("%w: %s: paths outside the image directory are refused", ErrNoImage, name)
	}
	root, err := os.OpenRoot(d.Dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	// os.Root refuses symlinks and ".." that resolve outside the directory; regfile refuses
	// what is not a regular file (a FIFO would block the read forever) without blocking.
	file, err := regfile.OpenIn(root, filepath.FromSlash(clean))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrNoImage, name, errors.Unwrap(err))
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxImageBytes {
		return nil, fmt.Errorf("%w: %s: %d bytes, over the %d-byte limit", ErrNoImage, name, st.Size(), MaxImageBytes)
	}
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()))
	_, err = buf.ReadFrom(file)
	return buf.Bytes(), err
}

// Decode checks image bytes: the content (not the name) must be JPEG, PNG or GIF, and the
// header's pixel size within MaxImagePixels.
func Decode(data []byte, name string) (*Image, error) {
	if len(data) > MaxImageBytes {
		return nil, fmt.Errorf("%w: %s: over the %d-byte limit", ErrNoImage, name, MaxImageBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: not a JPEG, PNG or GIF image", ErrNoImage, name)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
		return nil, fmt.Errorf("%w: %s: %d×%d pixels, over the limit", ErrNoImage, name, cfg.Width, cfg.Height)
	}
	base := safeName(path.Base(filepath.ToSlash(name)))
	ext := map[string]string{"jpeg": ".jpg", "png": ".png", "gif": ".gif"}[format]
	base = strings.TrimSuffix(base, path.Ext(base)) + ext
	return &Image{Data: data, Format: format, Name: base, Width: cfg.Width, Height: cfg.Height}, nil
}

// safeName keeps letters, digits, '-', '_' and '.' of a file name.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	n := strings.TrimLeft(b.String(), ".")
	if n == "" {
		n = "image"
	}
	return n
}

// MissingImage is the warning both renderers give for a figure whose image is not embedded,
// worded alike so that a build reports it once.
func MissingImage(err error) string {
	return fmt.Sprintf("image not embedded, a placeholder is shown instead: %v", err)
}
