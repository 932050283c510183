package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Limits on fetching images.
const (
	// FetchTimeout bounds one request, body included.
	FetchTimeout = 10 * time.Second
	// FetchBudget bounds all the requests of one input together: a dead server named by
	// 500 figures took 83 minutes.
	FetchBudget = 60 * time.Second
)

// Fetcher downloads images over http(s) for --fetch-images: one per input, so that its time
// budget is the input's. Each request has a timeout and a size cap, redirects stay on
// http(s), and no connection is made to an address that is not public (loopback, private,
// link-local, as a cloud's metadata service at 169.254.169.254) unless Allow says so, for
// the redirects too: the address is checked as the connection is made, after the name is
// resolved.
type Fetcher struct {
	Client   *http.Client
	MaxBytes int64
	// Budget is the time all of the Fetcher's requests may take together; once spent, a
	// request is refused without being made.
	Budget time.Duration
	// Allow says whether a connection may be made to an address; nil allows public
	// addresses only (see Public).
	Allow func(netip.AddrPort) bool

	mu       sync.Mutex
	deadline time.Time // set by the first request
}

// NewFetcher returns galley's image fetcher: FetchTimeout a request, FetchBudget in all, 20
// MiB an image, at most five redirects and only to http(s), public addresses only unless
// private is set. Without private, the proxy of the environment (HTTP_PROXY) is not used
// either, since a proxy would reach the addresses refused.
func NewFetcher(private bool) *Fetcher {
	f := &Fetcher{MaxBytes: MaxImageBytes, Budget: FetchBudget}
	if private {
		f.Allow = func(netip.AddrPort) bool { return true }
	}
	dialer := &net.Dialer{Timeout: FetchTimeout, Control: f.control}
	transport := &http.Transport{
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   FetchTimeout,
		ResponseHeaderTimeout: FetchTimeout,
		MaxIdleConnsPerHost:   2,
	}
	if private {
		transport.Proxy = http.ProxyFromEnvironment
	}
	f.Client = &http.Client{
		Timeout:   FetchTimeout,
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return fmt.Errorf("redirect to a %s: address refused", s)
			}
			return nil
		},
	}
	return f
}

// errNotPublic is a connection refused by the address check.
var errNotPublic = errors.New("not a public address (--fetch-allow-private allows it)")

// control checks the address a connection is about to be made to.
func (f *Fetcher) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", address, err)
	}
	allow := f.Allow
	if allow == nil {
		allow = Public
	}
	if !allow(ap) {
		return fmt.Errorf("connect to %s: %w", ap.Addr(), errNotPublic)
	}
	return nil
}

// notPublic are the IPv4 ranges Go's netip does not call private but that reach no public
// host: "this network", shared address space (carrier-grade NAT, and where some clouds put
// their metadata service), IETF protocol assignments, and benchmarking.
var notPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
}

// Public reports whether an address is a public unicast address: not loopback, private,
// link-local, multicast or unspecified, nor in a range that reaches no public host.
func Public(ap netip.AddrPort) bool {
	a := ap.Addr().Unmap()
	if !a.IsGlobalUnicast() || a.IsPrivate() {
		return false
	}
	for _, p := range notPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// Fetch downloads one http(s) URL.
func (f *Fetcher) Fetch(rawURL string) ([]byte, error) {
	l := strings.ToLower(rawURL)
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return nil, fmt.Errorf("only http and https images are fetched")
	}
	f.mu.Lock()
	if f.deadline.IsZero() && f.Budget > 0 {
		f.deadline = time.Now().Add(f.Budget)
	}
	deadline := f.deadline
	f.mu.Unlock()
	ctx := context.Background()
	if !deadline.IsZero() {
		if time.Until(deadline) <= 0 {
			return nil, fmt.Errorf("fetch: not tried: this input's %v for fetching images is spent", f.Budget)
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	resp, err := f.Client.Do(req)
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
