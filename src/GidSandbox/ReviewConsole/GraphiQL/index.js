// GraphiQL for the signed-in console user: the page gives the endpoint, the user's access token
// and the example operations; every request goes to the sandbox's own /graphql with that token,
// renewed (console.js's renewSession) before it expires.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { parse } from 'graphql';
import 'graphiql/style.css';

const root = document.getElementById('graphiql');
const examples = JSON.parse(document.getElementById('graphiql-examples').textContent);

let token = root.dataset.token;
document.addEventListener('session-renewed', (event) => { token = event.detail.accessToken; });
// Renew halfway to the end, and at most a minute before it, so a request never goes out with an expired token. A renewal
// that fails (the registry briefly unavailable, the network away) is tried again every few seconds while the token lasts.
const sessionLeft = () => Date.parse(document.body.dataset.sessionEnds || '') - Date.now();
const renew = async () => {
  if (await window.renewSession().catch(() => null)) {
    renewLater();
  } else if (sessionLeft() > 0) {
    setTimeout(renew, Math.min(5000, sessionLeft() / 2));
  }
};
const renewLater = () => {
  const left = sessionLeft();
  if (Number.isNaN(left)) { return; }
  setTimeout(renew, Math.max(0, left - Math.min(60000, left / 2)));
};
renewLater();

const send = createGraphiQLFetcher({
  url: root.dataset.endpoint,
  fetch: (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  },
});

// GraphiQL settles the operation name a moment after the editor changes: run at once after switching tabs, it
// sends the previous tab's name with this tab's query ("no operation named ..."). Send a name the query holds.
const fetcher = (params, options) => {
  try {
    const names = parse(params.query).definitions.filter((d) => d.kind === 'OperationDefinition').map((d) => d.name?.value);
    if (!names.includes(params.operationName)) {
      return send({ ...params, operationName: names.length === 1 ? names[0] : undefined }, options);
    }
  } catch {
    // not a document: the API answers with the syntax error
  }
  return send(params, options);
};

// Tabs live only as long as the page: a fresh page always opens on the examples, never on a stale token.
const memory = new Map();
const storage = {
  getItem: (key) => (memory.has(key) ? memory.get(key) : null),
  setItem: (key, value) => memory.set(key, String(value)),
  removeItem: (key) => memory.delete(key),
  clear: () => memory.clear(),
  get length() { return memory.size; },
};

createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    storage,
    defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables ?? undefined })),
    defaultEditorToolsVisibility: 'variables',
  }),
);
