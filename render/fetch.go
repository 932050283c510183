package render

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Fetcher downloads images over http(s) for --fetch-images: one client with a timeout, a size
// cap, and no redirect to another scheme.
type Fetcher struct {
	Client   *http.Client
	MaxBytes int64
}

// NewFetcher returns galley's image fetcher: 10 s for the whole request, 20 MiB at most, at most
// five redirects and only to http(s).
func NewFetcher() *Fetcher {
	return &Fetcher{
		MaxBytes: MaxImageBytes,
		Client: &http.Client{
			Timeout: 10 * time.Second,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 5 {
					return errors.New("too many redirects")
				}
				if s := req.URL.Scheme; s != "http" && s != "https" {
					return fmt.Errorf("redirect to a %s: address refused", s)
				}
				return nil
			},
		},
	}
}

// Fetch downloads one http(s) URL.
func (f *Fetcher) Fetch(rawURL string) ([]byte, error) {
	l := strings.ToLower(rawURL)
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return nil, fmt.Errorf("only http and https images are fetched")
	}
	resp, err := f.Client.Get(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	if resp.ContentLength > f.MaxBytes {
		return nil, fmt.Errorf("fetch: %d bytes, over the %d-byte limit", resp.ContentLength, f.MaxBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	if int64(len(data)) > f.MaxBytes {
		return nil, fmt.Errorf("fetch: over the %d-byte limit", f.MaxBytes)
	}
	return data, nil
}
