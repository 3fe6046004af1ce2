package scryptcore

type blockMixFunc func(out, in, v []uint32, r int)

// blockMixImpls lists the BlockMix implementations this build can run.
func blockMixImpls() map[string]blockMixFunc {
	m := map[string]blockMixFunc{"generic": blockMixGeneric}
	addArchImpls(m)
	return m
}
