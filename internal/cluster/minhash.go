package cluster

// Hand-written MinHash: one 64-bit FNV-1a hash per shingle, then numHashes cheap universal
// hashes (odd multiplier, additive constant, keep the high 32 bits) stand in for permutations.
// Everything is fixed at build time so that signatures, and therefore story decisions, are the
// same on every run and machine (no random seeds, no hash/maphash).

const (
	numHashes = 64
	numBands  = 16 // 16 bands of 4 rows: candidate threshold about (1/16)^(1/4) = 0.5
	bandRows  = numHashes / numBands
)

// Signature is a MinHash signature.
type Signature [numHashes]uint32

var hashA, hashB = func() (a, b [numHashes]uint64) {
	// splitmix64 from a fixed seed gives well-spread constants.
	x := uint64(0x9E3779B97F4A7C15)
	next := func() uint64 {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		return z ^ (z >> 31)
	}
	for i := range a {
		a[i] = next() | 1
		b[i] = next()
	}
	return a, b
}()

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix folds two hashes into one (order matters: shingles are sequences).
func mix(h1, h2 uint64) uint64 {
	h := h1*0x9E3779B97F4A7C15 ^ h2
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 32
	return h
}

// minhash computes the signature of a set of shingle hashes. An empty set gives all ones,
// which never collides with a real signature band by accident more than any other value.
func minhash(shingles []uint64) Signature {
	var sig Signature
	// One hash function at a time over all shingles keeps its constants and minimum in
	// registers; four at once give the multiplier independent work.
	for i := 0; i < numHashes; i += 4 {
		a0, a1, a2, a3 := hashA[i], hashA[i+1], hashA[i+2], hashA[i+3]
		b0, b1, b2, b3 := hashB[i], hashB[i+1], hashB[i+2], hashB[i+3]
		m0, m1, m2, m3 := ^uint32(0), ^uint32(0), ^uint32(0), ^uint32(0)
		for _, h := range shingles {
			m0 = min(m0, uint32((a0*h+b0)>>32))
			m1 = min(m1, uint32((a1*h+b1)>>32))
			m2 = min(m2, uint32((a2*h+b2)>>32))
			m3 = min(m3, uint32((a3*h+b3)>>32))
		}
		sig[i], sig[i+1], sig[i+2], sig[i+3] = m0, m1, m2, m3
	}
	return sig
}

// similarity estimates the Jaccard similarity of the two shingle sets.
func similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// bands returns the LSH band keys of a signature; the band index is mixed in so that equal
// rows in different bands do not collide.
func bands(sig *Signature) [numBands]uint64 {
	var out [numBands]uint64
	for b := 0; b < numBands; b++ {
		h := uint64(b + 1)
		for r := 0; r < bandRows; r++ {
			h = mix(h, uint64(sig[b*bandRows+r]))
		}
		out[b] = h
	}
	return out
}
