package source

// Inspect visits blocks depth-first, in order, calling f for each. When f returns true for a
// *List it then visits the blocks of each of its items, and for a *Quote the blocks it quotes;
// no other kind holds blocks. Like go/ast's Inspect, it lets a reader say which kinds it reads
// and which it goes into, instead of writing its own recursion.
func Inspect(blocks []Block, f func(Block) bool) {
	for _, b := range blocks {
		if !f(b) {
			continue
		}
		switch b := b.(type) {
		case *List:
			for _, item := range b.Items {
				Inspect(item, f)
			}
		case *Quote:
			Inspect(b.Blocks, f)
		}
	}
}
