package admin

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/carebot/carebot/secretfile"
)

// TokenEnv is the environment variable that holds the admin API's token.
const TokenEnv = "CAREBOT_ADMIN_TOKEN"

// minToken is the shortest token accepted: anything shorter can be guessed.
const minToken = 16

// LoadToken returns the admin API's bearer token: $CAREBOT_ADMIN_TOKEN if
// set, else the token file at path, created with a random token (mode 0600)
// on first run. The bot and the CLI both call it, so on one machine they
// agree without any setup.
func LoadToken(getenv func(string) string, path string) (token string, created bool, err error) {
	if t := strings.TrimSpace(getenv(TokenEnv)); t != "" {
		if len(t) < minToken {
			return "", false, fmt.Errorf("%s is too short: use at least %d characters", TokenEnv, minToken)
		}
		return t, false, nil
	}
	token, created, err = secretfile.Load(path, "admin token file", func() string {
		b := make([]byte, 32)
		rand.Read(b)
		return base64.RawURLEncoding.EncodeToString(b)
	})
	if err == nil && len(token) < minToken {
		return "", false, fmt.Errorf("admin token file %s holds a token shorter than %d characters", path, minToken)
	}
	return token, created, err
}

// ReadToken is LoadToken for a client: it never creates the file.
func ReadToken(getenv func(string) string, path string) (string, error) {
	if t := strings.TrimSpace(getenv(TokenEnv)); t != "" {
		return t, nil
	}
	t, err := secretfile.Read(path, "admin token file")
	if err != nil {
		return "", fmt.Errorf("no admin token: set %s or run this where the bot's data is (%w)", TokenEnv, err)
	}
	return t, nil
}
