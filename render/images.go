package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif"  // decoders for DecodeConfig and Decode
	_ "image/jpeg" //
	_ "image/png"  //
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"galley/internal/budget"
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
	// MaxImageMemory bounds what one image takes decoded (its pixels times the bytes a pixel
	// takes, both from the header, before anything is decoded), and what the images being
	// decoded take together, in every build of the process at once: a 322 KB PNG of 40
	// megapixels at 16 bits a channel decodes into 320 MB, and took 919 MB to embed.
	MaxImageMemory = 128 << 20
)

// imageMemory is the memory for decoded images, shared by every build of the process.
var imageMemory = budget.New(MaxImageMemory)

// HoldImageMemory waits until n bytes of the memory for decoded images are free, takes them,
// and returns the function that gives them back. A renderer that decodes an image (to
// re-encode it, or as its PDF library reads it) holds the image's DecodedSize meanwhile.
func HoldImageMemory(n int64) (release func()) { return imageMemory.Take(n) }

// Image is an image ready to embed: its bytes, format and pixel size.
type Image struct {
	Data []byte
	// Format is "jpeg", "png" or "gif".
	Format string
	// Name is a safe file name for the image inside an artifact.
	Name          string
	Width, Height int
	// decoded is what the image takes decoded, in bytes.
	decoded int64
}

// MediaType returns the image's MIME type.
func (im *Image) MediaType() string { return "image/" + im.Format }

// DecodedSize returns the memory the image takes decoded: its pixels times the bytes of one
// in the form Go's decoders give (8 for 16-bit RGBA, 4 for RGBA, 1 for a palette).
func (im *Image) DecodedSize() int64 { return im.decoded }

// Images finds the bytes of a figure's image.
type Images interface {
	// Find returns the figure's image, or an error saying why there is none.
	Find(f *source.Figure) (*Image, error)
}

// ErrNoImage is returned (wrapped) when a figure's image is not available.
var ErrNoImage = errors.New("image not found")

// errNoSource is an Article's answer for every figure when it has no Images.
var errNoSource = fmt.Errorf("%w: no image source", ErrNoImage)

// ErrNotFetched is returned (wrapped) for a figure whose image is only at a remote address
// when nothing asked for it: no download (Fetch) and no image directory chosen (Explicit).
// Every export of a research database names its images so, and ships none: the renderers
// report it as a note, not a warning (see Options.MissingImage). It wraps ErrNoImage.
var ErrNotFetched = fmt.Errorf("%w: at a remote address, not fetched", ErrNoImage)

// DirImages finds images by file name under one directory, never outside it: the name comes
// from the URL's path or the caption's file name, and a path that climbs out with "..", is
// absolute, or resolves through a symlink to a place outside the directory is refused. Each
// file is read and decoded once, each URL fetched once, however many figures name it; the
// figures share one Image. It is safe for concurrent use.
type DirImages struct {
	Dir string
	// Explicit says that Dir was chosen for the images (galley's --images) rather than
	// assumed (the input's directory): an image it lacks is then missing, whatever its
	// address, and never ErrNotFetched.
	Explicit bool
	// Fetch, when set, is asked for http(s) images that are not found locally.
	Fetch func(rawURL string) ([]byte, error)

	mu    sync.Mutex
	found map[string]lookup // by "file:" and the cleaned name, or "url:" and the URL
}

// Find implements Images.
func (d *DirImages) Find(f *source.Figure) (*Image, error) {
	if f.Src != "" {
		u, err := url.Parse(f.Src)
		if err == nil && u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
			return nil, fmt.Errorf("%w: %s: addresses are refused, only local files and http(s)", ErrNoImage, u.Scheme)
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	var tried []string
	for _, name := range candidates(f) {
		img, err := d.once("file:"+path.Clean(name), func() (*Image, error) {
			data, err := d.readLocal(name)
			if err != nil {
				return nil, err
			}
			return Decode(data, name)
		})
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			return img, err
		}
		tried = append(tried, name)
	}
	if d.Fetch != nil && strings.HasPrefix(strings.ToLower(f.Src), "http") {
		return d.once("url:"+f.Src, func() (*Image, error) {
			data, err := d.Fetch(f.Src)
			if err != nil {
				return nil, fmt.Errorf("%w: %v", ErrNoImage, err)
			}
			name := f.File
			if name == "" {
				name = "image"
			}
			return Decode(data, name)
		})
	}
	if d.Fetch == nil && !d.Explicit && isRemote(f.Src) {
		hint := "--images DIR looks for it in DIR"
		if f.File != "" {
			hint = "--images DIR looks for " + f.File + " in DIR"
		}
		return nil, fmt.Errorf("%w: %s (--fetch-images downloads it; %s)", ErrNotFetched, f.Src, hint)
	}
	if len(tried) == 0 {
		return nil, fmt.Errorf("%w: no file name", ErrNoImage)
	}
	return nil, fmt.Errorf("%w: no %s under the image directory", ErrNoImage, strings.Join(tried, " or "))
}

// isRemote reports whether src is an http(s) address.
func isRemote(src string) bool {
	u, err := url.Parse(src)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// once returns what find gives for key, calling it the first time only.
func (d *DirImages) once(key string, find func() (*Image, error)) (*Image, error) {
	if r, ok := d.found[key]; ok {
		return r.img, r.err
	}
	var r lookup
	r.img, r.err = find()
	if d.found == nil {
		d.found = map[string]lookup{}
	}
	d.found[key] = r
	return r.img, r.err
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

// Decode checks image bytes: the content (not the name) must be JPEG, PNG or GIF, the
// header's pixel size within MaxImagePixels and its decoded size within MaxImageMemory; and
// the image must decode whole, so that a damaged one (a corrupt zlib stream, a truncated
// file) is never embedded, in any format.
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
	size := int64(cfg.Width) * int64(cfg.Height) * pixelBytes(cfg.ColorModel)
	if size > MaxImageMemory {
		return nil, fmt.Errorf("%w: %s: %d×%d pixels take %d MiB decoded, over the limit of %d MiB",
			ErrNoImage, name, cfg.Width, cfg.Height, size>>20, MaxImageMemory>>20)
	}
	release := HoldImageMemory(size)
	_, _, err = image.Decode(bytes.NewReader(data))
	release()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: damaged %s image: %v", ErrNoImage, name, strings.ToUpper(format), err)
	}
	base := safeName(path.Base(filepath.ToSlash(name)))
	ext := map[string]string{"jpeg": ".jpg", "png": ".png", "gif": ".gif"}[format]
	base = strings.TrimSuffix(base, path.Ext(base)) + ext
	return &Image{Data: data, Format: format, Name: base, Width: cfg.Width, Height: cfg.Height, decoded: size}, nil
}

// pixelBytes is the memory one pixel takes in the image Go's decoders make for a color model:
// a palette or grey a byte, RGBA four, 16-bit RGBA eight; YCbCr (JPEG) is counted at three,
// its most, and anything else at eight.
func pixelBytes(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
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

// MissingImage reports, through o, a figure at line whose image is not embedded, worded alike
// by both renderers so that a build reports it once: a note when the image was not asked for
// (ErrNotFetched), a warning otherwise.
func (o *Options) MissingImage(line int, err error) {
	msg := fmt.Sprintf("image not embedded, a placeholder is shown instead: %v", err)
	if errors.Is(err, ErrNotFetched) {
		if o.Note != nil {
			o.Note(line, msg)
		}
		return
	}
	o.Warnf(line, msg)
}
