// GraphiQL for the signed-in console user: the page gives the endpoint, the user's access token
// and the example operations; every request goes to the sandbox's own /graphql with that token.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

const root = document.getElementById('graphiql');
const examples = JSON.parse(document.getElementById('graphiql-examples').textContent);
const fetcher = createGraphiQLFetcher({
  url: root.dataset.endpoint,
  headers: { Authorization: `Bearer ${root.dataset.token}` },
});

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
