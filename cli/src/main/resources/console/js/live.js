// The node's event stream (GET /events, server-sent events): `block` and `announcement`.
// EventSource reconnects by itself; pages catch up through the normal routes.

const listeners = new Set();
let source = null;

export function connect(onState) {
  open(onState);
  // Close the stream before the page goes: Firefox otherwise logs the aborted connection as an
  // error ("interrupted while the page was loading"). At pagehide the navigation has already cut
  // it, so this is done at beforeunload. A page restored from the back-forward cache opens it again.
  window.addEventListener('beforeunload', () => {
    if (source) source.close();
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) open(onState);
  });
}

function open(onState) {
  source = new EventSource('/events');
  source.addEventListener('open', () => onState(true));
  source.addEventListener('error', () => onState(false));
  for (const kind of ['block', 'announcement']) {
    source.addEventListener(kind, (e) => {
      let data = null;
      try {
        data = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      for (const l of listeners) l(kind, data);
    });
  }
}

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
