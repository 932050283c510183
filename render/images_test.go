package render

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"galley/source"
)

func pngBytes(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 10, 10, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bombPNG is a valid PNG header claiming 100,000 × 100,000 pixels.
func bombPNG(t testing.TB) []byte {
	b := pngBytes(t, 1, 1)
	// IHDR's width and height sit at bytes 16..24, its CRC at 29..33.
	copy(b[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(b[29:33], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// damagedZlib returns a PNG whose image data no longer inflates, every chunk's checksum right.
func damagedZlib(t testing.TB, p []byte) []byte {
	p = bytes.Clone(p)
	i := bytes.Index(p, []byte("IDAT"))
	n := int(binary.BigEndian.Uint32(p[i-4:]))
	for k := i + 4 + 2; k < i+4+n; k++ {
		p[k] ^= 0x5a
	}
	binary.BigEndian.PutUint32(p[i+4+n:], crc32.ChecksumIEEE(p[i:i+4+n]))
	return p
}

// deepPNG is a PNG header of w×h pixels at 16 bits a channel with alpha (decoded, w×h×8
// bytes), on a 1×1 image.
func deepPNG(t testing.TB, w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA64(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	p := b.Bytes()
	binary.BigEndian.PutUint32(p[16:], uint32(w))
	binary.BigEndian.PutUint32(p[20:], uint32(h))
	binary.BigEndian.PutUint32(p[29:33], crc32.ChecksumIEEE(p[12:29]))
	return p
}

func TestDirImages(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "images")
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "ok.png"), pngBytes(t, 40, 30), 0o644)
	os.WriteFile(filepath.Join(dir, "fake.jpg"), []byte("<html>not an image</html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "bomb.png"), bombPNG(t), 0o644)
	secret := filepath.Join(root, "secret.png")
	os.WriteFile(secret, pngBytes(t, 2, 2), 0o644)
	os.Symlink(secret, filepath.Join(dir, "link.png"))
	os.Symlink(root, filepath.Join(dir, "up"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	var g bytes.Buffer
	gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 1, 1), color.Palette{color.Black}), nil)
	os.WriteFile(filepath.Join(dir, "sub", "in.gif"), g.Bytes(), 0o644)
	// A GIF header with no image after it, a PNG cut in half, a PNG whose zlib stream is
	// damaged (its chunk's checksum made right again): each decodes to an error.
	os.WriteFile(filepath.Join(dir, "empty.gif"), []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), 0o644)
	ok := pngBytes(t, 40, 30)
	os.WriteFile(filepath.Join(dir, "half.png"), ok[:len(ok)/2], 0o644)
	os.WriteFile(filepath.Join(dir, "zlib.png"), damagedZlib(t, ok), 0o644)
	os.WriteFile(filepath.Join(dir, "deep.png"), deepPNG(t, 4200, 4200), 0o644)

	d := &DirImages{Dir: dir}
	tests := []struct {
		fig     source.Figure
		ok      bool
		errPart string
	}{
		{source.Figure{Src: "https://example.org/x/ok.png?a=1", File: "ok.png"}, true, ""},
		{source.Figure{Src: "ok.png"}, true, ""},
		{source.Figure{Src: "sub/in.gif"}, true, ""},
		{source.Figure{Src: "fake.jpg"}, false, "not a JPEG, PNG or GIF"},
		{source.Figure{Src: "bomb.png"}, false, "pixels"},
		{source.Figure{Src: "empty.gif"}, false, "damaged GIF image"},
		{source.Figure{Src: "half.png"}, false, "damaged PNG image"},
		{source.Figure{Src: "zlib.png"}, false, "damaged PNG image"},
		{source.Figure{Src: "deep.png"}, false, "134 MiB decoded, over the limit of 128 MiB"},
		{source.Figure{Src: "../secret.png"}, false, "outside"},
		{source.Figure{Src: "../../../../etc/passwd"}, false, "outside"},
		{source.Figure{Src: "/etc/passwd"}, false, "absolute"},
		{source.Figure{Src: "file:///etc/passwd"}, false, "refused"},
		{source.Figure{Src: "javascript:alert(1)"}, false, "refused"},
		{source.Figure{Src: "link.png"}, false, ""},
		{source.Figure{Src: "up/secret.png"}, false, ""},
		{source.Figure{Src: "https://example.org/missing.png", File: "missing.png"}, false, "not fetched"},
		{source.Figure{Src: "missing-local.png"}, false, "no missing-local.png"},
	}
	for _, tt := range tests {
		img, err := d.Find(&tt.fig)
		if tt.ok {
			if err != nil || img == nil || img.Width == 0 {
				t.Errorf("%s: %v", tt.fig.Src, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: read %d bytes, want a refusal", tt.fig.Src, len(img.Data))
			continue
		}
		if !errors.Is(err, ErrNoImage) && !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: error %v is not ErrNoImage", tt.fig.Src, err)
		}
		if !strings.Contains(err.Error(), tt.errPart) {
			t.Errorf("%s: error %q lacks %q", tt.fig.Src, err, tt.errPart)
		}
	}
}

// TestNotFetched: an image at a remote address only is ErrNotFetched, worth a note, when
// nothing asked for it; when the directory was chosen for the images, or downloads are
// allowed, its absence is a plain ErrNoImage, worth a warning.
func TestNotFetched(t *testing.T) {
	remote := &source.Figure{Src: "https://example.org/a/pic.jpg?x=1", File: "pic.jpg"}
	local := &source.Figure{Src: "pic.jpg"}
	refuse := func(string) ([]byte, error) { return nil, errors.New("offline") }
	for _, tc := range []struct {
		name    string
		d       *DirImages
		fig     *source.Figure
		fetched bool // the error is ErrNotFetched
	}{
		{"remote, no directory chosen", &DirImages{Dir: t.TempDir()}, remote, true},
		{"remote, directory chosen", &DirImages{Dir: t.TempDir(), Explicit: true}, remote, false},
		{"remote, downloads allowed", &DirImages{Dir: t.TempDir(), Fetch: refuse}, remote, false},
		{"local name", &DirImages{Dir: t.TempDir()}, local, false},
	} {
		_, err := tc.d.Find(tc.fig)
		if !errors.Is(err, ErrNoImage) || errors.Is(err, ErrNotFetched) != tc.fetched {
			t.Errorf("%s: %v", tc.name, err)
		}
		var warned, noted []string
		o := &Options{Warn: func(_ int, m string) { warned = append(warned, m) }, Note: func(_ int, m string) { noted = append(noted, m) }}
		o.MissingImage(7, err)
		if tc.fetched != (len(noted) == 1 && len(warned) == 0) || !tc.fetched && len(warned) != 1 {
			t.Errorf("%s: warnings %q, notes %q", tc.name, warned, noted)
		}
	}
}

func TestFetcher(t *testing.T) {
	good := pngBytes(t, 8, 8)
	mux := http.NewServeMux()
	mux.HandleFunc("/ok.png", func(w http.ResponseWriter, r *http.Request) { w.Write(good) })
	mux.HandleFunc("/slow.png", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge.png", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte{0}, 1<<16)
		for i := 0; i < 64; i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/to-ok", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok.png", http.StatusFound) })
	mux.HandleFunc("/page.png", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html><script>x</script></html>")) })
	mux.HandleFunc("/gone.png", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	f := NewFetcher(true) // the test server is on the loopback
	f.Client.Timeout = 500 * time.Millisecond
	f.MaxBytes = 1 << 20
	d := &DirImages{Dir: t.TempDir(), Fetch: f.Fetch}
	for _, tt := range []struct {
		path, errPart string
	}{
		{"/ok.png", ""},
		{"/to-ok", ""},
		{"/slow.png", "Timeout"},
		{"/huge.png", "limit"},
		{"/to-file", "refused"},
		{"/page.png", "not a JPEG"},
		{"/gone.png", "404"},
	} {
		start := time.Now()
		img, err := d.Find(&source.Figure{Src: srv.URL + tt.path})
		if time.Since(start) > 2*time.Second {
			t.Errorf("%s took %v", tt.path, time.Since(start))
		}
		if tt.errPart == "" {
			if err != nil || img.Width != 8 {
				t.Errorf("%s: %v", tt.path, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.errPart) {
			t.Errorf("%s: error %v, want %q", tt.path, err, tt.errPart)
		}
	}
	// Without --fetch-images nothing is downloaded.
	if _, err := (&DirImages{Dir: t.TempDir()}).Find(&source.Figure{Src: srv.URL + "/ok.png"}); err == nil {
		t.Error("fetched without permission")
	}
}

// TestDirImagesOncePerFile finds one file for many figures, named in every way a figure can
// name it, and one URL for many figures: each file is read and decoded once, each URL
// fetched once, and every figure gets the same Image (a figure per copy took 40 copies of a
// 14.5 MB PNG: 1.24 GB).
func TestDirImagesOncePerFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.png"), pngBytes(t, 40, 30), 0o644)
	hits := 0
	d := &DirImages{Dir: dir, Fetch: func(string) ([]byte, error) {
		hits++
		return pngBytes(t, 8, 8), nil
	}}
	var first *Image
	for _, f := range []source.Figure{{Src: "a.png"}, {Src: "./a.png"}, {Src: "x/../a.png"},
		{Src: "https://example.org/img/a.png", File: "a.png"}, {File: "a.png"}, {Src: "a.png"}} {
		img, err := d.Find(&f)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = img
		}
		if img != first {
			t.Errorf("%+v: another Image of the same file", f)
		}
	}
	var fetched *Image
	for range 6 {
		img, err := d.Find(&source.Figure{Src: "https://example.org/remote.png"})
		if err != nil {
			t.Fatal(err)
		}
		if fetched != nil && img != fetched {
			t.Error("another Image of the same URL")
		}
		fetched = img
	}
	if hits != 1 {
		t.Errorf("one URL fetched %d times", hits)
	}
}

// TestFetchRefusesPrivateAddresses fetches, with the default address check, from a server on
// the loopback that the test alone allows (standing for a public host), which redirects to
// another loopback server (standing for a cloud's metadata service): the redirect is refused
// as the connection is made, and the second server is never reached. Loopback, link-local
// (169.254.169.254) and private addresses asked for directly are refused too; with private
// addresses allowed, the redirect is followed.
func TestFetchRefusesPrivateAddresses(t *testing.T) {
	var metaHits atomic.Int32
	meta := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		metaHits.Add(1)
		w.Write(pngBytes(t, 8, 8))
	}))
	defer meta.Close()
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, meta.URL+"/latest/meta-data/x.png", http.StatusFound)
	}))
	defer public.Close()
	publicAddr := netip.MustParseAddrPort(public.Listener.Addr().String())

	f := NewFetcher(false)
	f.Allow = func(ap netip.AddrPort) bool { return ap == publicAddr || Public(ap) }
	_, err := f.Fetch(public.URL + "/redirect.png")
	if err == nil || !strings.Contains(err.Error(), "not a public address") {
		t.Errorf("redirect to the loopback: %v, want a refusal", err)
	}
	for _, u := range []string{meta.URL + "/x.png", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x.png",
		"http://[::1]:9/x.png", "http://100.100.100.200/x.png", "http://[fe80::1]:80/x.png"} {
		if _, err := f.Fetch(u); err == nil || !strings.Contains(err.Error(), "not a public address") {
			t.Errorf("%s: %v, want a refusal", u, err)
		}
	}
	if n := metaHits.Load(); n != 0 {
		t.Errorf("the private server was reached %d times", n)
	}
	if _, err := NewFetcher(true).Fetch(public.URL + "/redirect.png"); err != nil || metaHits.Load() != 1 {
		t.Errorf("private addresses allowed: %v, %d requests", err, metaHits.Load())
	}
	for _, tc := range []struct {
		addr string
		want bool
	}{{"93.184.215.14:80", true}, {"[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:443", true},
		{"127.0.0.1:80", false}, {"192.168.1.1:80", false}, {"172.16.0.1:80", false}, {"169.254.169.254:80", false},
		{"0.0.0.0:80", false}, {"[::ffff:127.0.0.1]:80", false}, {"[fc00::1]:80", false}, {"224.0.0.1:80", false}} {
		if got := Public(netip.MustParseAddrPort(tc.addr)); got != tc.want {
			t.Errorf("Public(%s) = %v", tc.addr, got)
		}
	}
}

// TestFetchBudget fetches five images from a server that never answers: the first request
// spends the input's whole budget, and the others are refused without a request (one dead
// server named by 500 figures took 83 minutes).
func TestFetchBudget(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		<-r.Context().Done()
	}))
	defer srv.Close()
	f := NewFetcher(true)
	f.Budget = 200 * time.Millisecond
	d := &DirImages{Dir: t.TempDir(), Fetch: f.Fetch}
	for i := range 5 {
		_, err := d.Find(&source.Figure{Src: fmt.Sprintf("%s/%d.png", srv.URL, i)})
		if err == nil {
			t.Fatal("an image from a server that never answers")
		}
		if i > 0 && !strings.Contains(err.Error(), "not tried") {
			t.Errorf("image %d: %v", i, err)
		}
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}
