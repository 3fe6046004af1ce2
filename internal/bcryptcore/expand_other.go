//go:build !amd64 || !gc || purego

package bcryptcore

func (c *state) expensive(key, saltKey *[18]uint32, rounds uint64) {
	c.expensiveGeneric(key, saltKey, rounds)
}
