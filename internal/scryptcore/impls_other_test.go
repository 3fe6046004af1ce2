package scryptcore

func addArchImpls(map[string]blockMixFunc) {}
