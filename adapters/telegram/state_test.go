package telegram

import (
	"slices"
	"testing"
)

func TestCursor(t *testing.T) {
	tests := []struct {
		name   string
		start  Cursor
		pushed []int64 // webhook ids, in arrival order
		polled []int64 // getUpdates ids, in order
		want   Cursor
	}{
		{"poll from nothing", Cursor{}, nil, []int64{500, 501, 503}, Cursor{Next: 504}},
		{"poll clears webhook leftovers below", Cursor{Next: 10, Above: []int64{12, 20}}, nil, []int64{15}, Cursor{Next: 16, Above: []int64{20}}},
		{"push in order", Cursor{Next: 10}, []int64{10, 11, 12}, nil, Cursor{Next: 13}},
		{"push out of order", Cursor{Next: 10}, []int64{12, 11}, nil, Cursor{Next: 10, Above: []int64{11, 12}}},
		{"push fills the gap", Cursor{Next: 10}, []int64{12, 11, 10}, nil, Cursor{Next: 13}},
		{"push duplicate", Cursor{Next: 10}, []int64{12, 12}, nil, Cursor{Next: 10, Above: []int64{12}}},
		{"push from nothing gives up on ids before the window", Cursor{}, []int64{5000}, nil, Cursor{Next: 5000 - Window + 1, Above: []int64{5000}}},
		{"push a gap wider than the window", Cursor{Next: 10}, []int64{11, 12 + Window}, nil, Cursor{Next: 13, Above: []int64{12 + Window}}},
		{"push a new id sequence below the window", Cursor{Next: 1 << 30}, []int64{77}, nil, Cursor{Next: 78}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.start
			for _, id := range tt.pushed {
				c = c.pushed(id)
			}
			for _, id := range tt.polled {
				c = c.polled(id)
			}
			if c.Next != tt.want.Next || !slices.Equal(c.Above, tt.want.Above) {
				t.Errorf("got %+v, want %+v", c, tt.want)
			}
			for _, id := range append(tt.pushed, tt.polled...) {
				if !c.Handled(id) {
					t.Errorf("id %d handled but Handled says no (cursor %+v)", id, c)
				}
			}
		})
	}
}

func TestCursorHandled(t *testing.T) {
	c := Cursor{Next: 5000, Above: []int64{5002}}
	for _, tt := range []struct {
		id   int64
		want bool
	}{{4999, true}, {5000 - Window, true}, {5000 - Window - 1, false}, {5000, false}, {5001, false}, {5002, true}, {5003, false}} {
		if got := c.Handled(tt.id); got != tt.want {
			t.Errorf("Handled(%d): got %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestCursorStaysBounded(t *testing.T) {
	c := Cursor{Next: 1}
	// Every other id arrives: the gaps never fill.
	for id := int64(2); id < 20*Window; id += 2 {
		c = c.pushed(id)
		if len(c.Above) > Window {
			t.Fatalf("after id %d: %d ids above Next, want at most %d", id, len(c.Above), Window)
		}
	}
}
