package book

import "sort"

// groups partitions the numbers 0..n-1 into groups that are joined two at a time, as a
// union-find does, keeping each group's members so that a join can be refused by looking at
// both groups.
type groups struct {
	parent  []int
	members [][]int // of each root, in increasing order
}

// newGroups returns n groups of one.
func newGroups(n int) *groups {
	g := &groups{parent: make([]int, n), members: make([][]int, n)}
	for i := range g.parent {
		g.parent[i] = i
		g.members[i] = []int{i}
	}
	return g
}

// find returns the root of i's group.
func (g *groups) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

// join puts the groups of i and j together, unless they are one already or ok, shown both
// groups' members, says no. It reports whether they are one group afterwards.
func (g *groups) join(i, j int, ok func(x, y []int) bool) bool {
	a, b := g.find(i), g.find(j)
	if a == b {
		return true
	}
	if !ok(g.members[a], g.members[b]) {
		return false
	}
	if len(g.members[a]) < len(g.members[b]) {
		a, b = b, a
	}
	g.parent[b] = a
	merged := append(append(make([]int, 0, len(g.members[a])+len(g.members[b])), g.members[a]...), g.members[b]...)
	sort.Ints(merged)
	g.members[a], g.members[b] = merged, nil
	return true
}

// lists returns every group's members in increasing order, the groups ordered by their
// first member.
func (g *groups) lists() [][]int {
	var out [][]int
	for i := range g.parent {
		if g.find(i) == i {
			out = append(out, g.members[i])
		}
	}
	sort.Slice(out, func(x, y int) bool { return out[x][0] < out[y][0] })
	return out
}
