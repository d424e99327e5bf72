package telegram

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
)

// maxResponse bounds what one Bot API answer may make us read; a full
// getUpdates batch of 100 updates is far below it.
const maxResponse = 32 << 20

// ctxClient is the SDK's HTTPClient with a context: it attaches ctx to
// each request. It also keeps the token out of errors: a failed request's
// *url.Error names the URL, and the URL holds the token.
type ctxClient struct {
	ctx context.Context
	c   *http.Client
}

func (c ctxClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.c.Do(req.WithContext(c.ctx))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			return nil, &url.Error{Op: ue.Op, URL: "bot API " + path.Base(req.URL.Path), Err: ue.Err}
		}
		return nil, fmt.Errorf("bot API %s: %w", path.Base(req.URL.Path), err)
	}
	resp.Body = limitedBody{io.LimitReader(resp.Body, maxResponse), resp.Body}
	return resp, nil
}

type limitedBody struct {
	io.Reader
	io.Closer
}
