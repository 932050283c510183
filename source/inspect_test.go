package source

import (
	"fmt"
	"reflect"
	"testing"
)

func TestInspect(t *testing.T) {
	p := func(line int) *Paragraph { return &Paragraph{Line: line} }
	blocks := []Block{
		p(1),
		&List{Line: 2, Items: [][]Block{{p(3), &Quote{Line: 4, Blocks: []Block{p(5)}}}, {}, {p(6)}}},
		&Quote{Line: 7, Blocks: []Block{&List{Line: 8, Items: [][]Block{{p(9)}}}}},
		&Rule{Line: 10},
	}
	tests := []struct {
		name string
		into func(Block) bool
		want []int
	}{
		{"everything", func(Block) bool { return true }, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"top level only", func(Block) bool { return false }, []int{1, 2, 7, 10}},
		{"lists, not quotes", func(b Block) bool { _, ok := b.(*List); return ok }, []int{1, 2, 3, 4, 6, 7, 10}},
	}
	for _, tt := range tests {
		var got []int
		Inspect(blocks, func(b Block) bool {
			got = append(got, b.Pos())
			return tt.into(b)
		})
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: visited lines %v, want %v", tt.name, got, tt.want)
		}
	}
	Inspect(nil, func(b Block) bool { panic(fmt.Sprintf("visited %T in no blocks", b)) })
}
