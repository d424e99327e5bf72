//go:build !race

package faq

const raceEnabled = false
