package main

// default.pgo, beside this file, is a CPU profile of carebot's hot paths:
// the whole engine on the clinic's messages, and matching and indexing on
// medquad-10k. The go command builds carebot with it (profile-guided
// optimization: hot calls inlined), and the bot's and the matcher's
// benchmarks take it with -pgo so that they measure the code that ships.
// The engine's median is 2-3% lower with it.
//
// Refresh it after a large change to bot or faq (it needs the evaluation
// data in ../shared beside the checkout); a stale profile costs only the
// gain, never correctness:
//
//	go generate ./cmd/carebot
//
//go:generate sh -c "d=$(mktemp -d) && go test ../../bot -run '^$' -bench 'Engine$' -benchtime 1000000x -o $d/bot.test -cpuprofile $d/engine.pprof >/dev/null && go test ../../faq -run '^$' -bench 'MatchMedquad$|BuildMedquad$' -benchtime 2s -o $d/faq.test -cpuprofile $d/medquad.pprof >/dev/null && go tool pprof -proto $d/engine.pprof $d/medquad.pprof >default.pgo 2>/dev/null; s=$?; rm -rf $d; exit $s"
