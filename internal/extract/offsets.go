package extract

import (
	"cmp"
	"math/bits"
	"slices"
	"unicode/utf8"

	"skyledger/internal/domain"
	"skyledger/internal/fold"
)

// charOffsets sets the character offsets of spans into text from their byte offsets: the
// number of runes decoded before the byte offset is reached (an offset past the end counts the
// whole text). In valid UTF-8 that is the number of bytes before it that start a rune, counted
// eight at a time; an invalid text up to 64 KB gets a table of the count at every byte, and a
// longer one has its offsets sorted and visited in order.
func charOffsets(text string, spans []*domain.Span) {
	charOffsetsOf(text, utf8.ValidString(text), spans)
}

// charOffsetsOf is charOffsets for a text whose validity is known (the tokenizer tells it).
func charOffsetsOf(text string, valid bool, spans []*domain.Span) {
	if len(spans) == 0 {
		return
	}
	if valid {
		charOffsetsValid(text, spans)
		return
	}
	if len(text) < 1<<16 {
		charOffsetsTable(text, spans)
		return
	}
	charOffsetsSorted(text, spans)
}

func charOffsetsTable(text string, spans []*domain.Span) {
	// at[o]: runes decoded before reaching byte o (o inside a rune: counting that rune); a
	// report's table fits on the stack
	var stack [4096]uint16
	var at []uint16
	if len(text) < len(stack) {
		at = stack[:len(text)+1]
	} else {
		at = make([]uint16, len(text)+1)
	}
	b, c := 0, uint16(0)
	for b < len(text) {
		if text[b] < utf8.RuneSelf {
			c++
			at[b+1] = c
			b++
			continue
		}
		size := 1
		switch x := text[b]; {
		case x&0xE0 == 0xC0 && x >= 0xC2 && b+1 < len(text) && text[b+1]&0xC0 == 0x80:
			size = 2 // two bytes: Cyrillic
		default:
			_, size = utf8.DecodeRuneInString(text[b:])
		}
		c++
		for k := 1; k <= size; k++ {
			at[b+k] = c
		}
		b += size
	}
	get := func(o int) int {
		switch {
		case o <= 0:
			return 0
		case o > len(text):
			return int(c)
		}
		return int(at[o])
	}
	for _, sp := range spans {
		sp.CharStart, sp.CharEnd = get(sp.Start), get(sp.End)
	}
}

func charOffsetsSorted(text string, spans []*domain.Span) {
	// offsets with where they go (2k: span k's start, 2k+1: its end); no pointers, so sorting
	// them costs no write barriers
	type ref struct{ off, to int }
	refs := make([]ref, 0, 2*len(spans))
	for k, sp := range spans {
		refs = append(refs, ref{sp.Start, 2 * k}, ref{sp.End, 2*k + 1})
	}
	slices.SortFunc(refs, func(a, b ref) int { return cmp.Compare(a.off, b.off) })
	b, c := 0, 0
	for _, r := range refs {
		for b < r.off && b < len(text) {
			switch x := text[b]; {
			case x < utf8.RuneSelf:
				b++
			case x&0xE0 == 0xC0 && x >= 0xC2 && b+1 < len(text) && text[b+1]&0xC0 == 0x80:
				b += 2 // two bytes: Cyrillic
			default:
				_, size := utf8.DecodeRuneInString(text[b:])
				b += size
			}
			c++
		}
		if sp := spans[r.to/2]; r.to%2 == 0 {
			sp.CharStart = c
		} else {
			sp.CharEnd = c
		}
	}
}

// charOffsetsValid is charOffsets for valid UTF-8: runes are counted as the bytes that are no
// continuation byte (10xxxxxx), eight bytes at a time, with the count kept at every eighth byte.
func charOffsetsValid(text string, spans []*domain.Span) {
	var stack [512]int32
	var at []int32 // at[k]: runes starting in text[:8k]
	if n := len(text)/8 + 1; n <= len(stack) {
		at = stack[:n]
	} else {
		at = make([]int32, n)
	}
	c := int32(0)
	k := 0
	for ; k+8 <= len(text); k += 8 {
		at[k/8] = c
		w := fold.Load64(text[k : k+8])
		// a continuation byte has its top bit set and the next one clear
		cont := w & 0x8080808080808080 & (^w << 1)
		c += 8 - int32(bits.OnesCount64(cont))
	}
	at[k/8] = c
	get := func(o int) int {
		switch {
		case o <= 0:
			return 0
		case o > len(text):
			o = len(text)
		}
		n := at[o/8]
		for b := o &^ 7; b < o; b++ {
			if text[b]&0xC0 != 0x80 {
				n++
			}
		}
		return int(n)
	}
	for _, sp := range spans {
		sp.CharStart, sp.CharEnd = get(sp.Start), get(sp.End)
	}
}
