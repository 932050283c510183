package source

import "errors"

// ParseEntry reads one bibliography line into a CSL-JSON item.
func ParseEntry(raw string) (Item, error) {
	return Item{}, errors.New("bibliography parsing not built yet")
}
