package bolt

import (
	"bytes"
	"crypto/cipher"
	"errors"
	"strings"
	"testing"
)

func testAEAD(t testing.TB) (a, other cipher.AEAD) {
	t.Helper()
	k, err := deriveKeys(testKey, bytes.Repeat([]byte{9}, saltSize))
	if err != nil {
		t.Fatal(err)
	}
	return k.value, k.wrap
}

func TestSealOpen(t *testing.T) {
	a, other := testAEAD(t)
	key := []byte("k1")
	plain := []byte(`{"k":"telegram:1"}`)
	sealed := sealValue(a, "users", key, plain)
	if sealed[0] != valueV1 || len(sealed) != len(plain)+sealOverhead {
		t.Fatalf("got version %d and %d bytes, want %d and %d", sealed[0], len(sealed), valueV1, len(plain)+sealOverhead)
	}
	if bytes.Contains(sealed, plain) {
		t.Fatal("the sealed value contains the plain text")
	}
	if again := sealValue(a, "users", key, plain); bytes.Equal(again, sealed) {
		t.Error("two seals of the same value are equal: the nonce is not random")
	}
	got, err := openValue(a, "users", key, sealed)
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("got %q, %v, want %q", got, err, plain)
	}

	flip := func(i int) []byte {
		b := bytes.Clone(sealed)
		b[i] ^= 1
		return b
	}
	tests := []struct {
		name    string
		bucket  string
		key     []byte
		val     []byte
		wantErr error
		wantMsg string
	}{
		{"empty", "users", key, nil, ErrCorrupt, "empty value in users"},
		{"truncated to the version byte", "users", key, sealed[:1], ErrCorrupt, "is truncated (1 bytes"},
		{"truncated tag", "users", key, sealed[:len(sealed)-1], ErrCorrupt, "does not authenticate"},
		{"shorter than the overhead", "users", key, sealed[:sealOverhead-1], ErrCorrupt, "truncated"},
		{"moved to another key", "users", []byte("k2"), sealed, ErrCorrupt, "does not authenticate"},
		{"moved to another bucket", "keys", key, sealed, ErrCorrupt, "does not authenticate"},
		{"bit flipped in the nonce", "users", key, flip(3), ErrCorrupt, "does not authenticate"},
		{"bit flipped in the text", "users", key, flip(sealOverhead), ErrCorrupt, "does not authenticate"},
		{"version 0", "users", key, append([]byte{0}, sealed[1:]...), ErrCorrupt, "format version 0, which never existed"},
		{"newer version", "users", key, append([]byte{7}, sealed[1:]...), ErrUnknownVersion, "has format version 7, this carebot reads up to 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := openValue(a, tt.bucket, tt.key, tt.val)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("got %q, %v; want %v containing %q", got, err, tt.wantErr, tt.wantMsg)
			}
		})
	}
	if _, err := openValue(other, "users", key, sealed); !errors.Is(err, ErrCorrupt) {
		t.Errorf("opened with another key: got %v, want ErrCorrupt", err)
	}
}

// Sub-keys are separate: each job's key differs, and a new salt (a new file)
// gives new keys from the same master key.
func TestDeriveKeys(t *testing.T) {
	a, err := deriveKeys(testKey, bytes.Repeat([]byte{1}, saltSize))
	if err != nil {
		t.Fatal(err)
	}
	b, err := deriveKeys(testKey, bytes.Repeat([]byte{2}, saltSize))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.index, b.index) || bytes.Equal(a.check, b.check) {
		t.Error("two salts gave the same keys")
	}
	if bytes.Equal(a.index, a.check) || bytes.Equal(a.index, a.log) || bytes.Equal(a.check, a.log) {
		t.Error("two jobs share a key")
	}
	if bytes.Equal(a.index, testKey) || bytes.Equal(a.check, testKey) {
		t.Error("a sub-key is the master key")
	}
}

// FuzzOpenValue feeds the value decoders anything a damaged or hostile file
// could hold: they must return a value or an error, never panic, and a
// sealed value must open to what was sealed.
func FuzzOpenValue(f *testing.F) {
	a, _ := testAEAD(f)
	f.Add([]byte{}, []byte("k"))
	f.Add([]byte{1}, []byte("k"))
	f.Add(sealValue(a, "users", []byte("k"), []byte(`{"k":"x"}`)), []byte("k"))
	f.Add([]byte(`{"k":"telegram:1","dm":{"p":"telegram"},"created":1}`), []byte{})
	f.Add([]byte(`{"u":"a","p":"awareness","a":"opt-in","t":-1}`), []byte{})
	f.Add([]byte(`{"created":1e999}`), []byte{})
	f.Fuzz(func(t *testing.T, val, key []byte) {
		if _, err := openValue(a, "users", key, val); err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrUnknownVersion) {
			t.Fatalf("got %v, want ErrCorrupt or ErrUnknownVersion", err)
		}
		// The payload decoders see only authenticated bytes, but must
		// still survive anything.
		if u, err := decodeUser(val); err == nil && u.Key == "" {
			t.Fatal("decodeUser accepted a user with no key")
		}
		if e, err := decodeEvent(val); err == nil && (e.User == "" || e.Purpose == "" || e.Action == "") {
			t.Fatal("decodeEvent accepted an event lacking a user, purpose or action")
		}
		if len(key) > 0 {
			got, err := openValue(a, "consent", key, sealValue(a, "consent", key, val))
			if err != nil || !bytes.Equal(got, val) {
				t.Fatalf("round trip: got %q, %v, want %q", got, err, val)
			}
		}
	})
}
