/**
 * `supergraph` (schema/supergraph.graphql, composed with the registry's fixed URLs) with
 * each subgraph's `@join__graph` url replaced by `urls[name]`, for a router that reads its
 * subgraphs' URLs from the supergraph alone (peer-router.ts, on the free ports of a bench).
 * Every subgraph of the supergraph must be given, and no other.
 */
export function withSubgraphUrls(supergraph: string, urls: Record<string, string>): string {
  const found = new Set<string>();
  const rewritten = supergraph.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_, name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`no URL for subgraph "${name}" of the supergraph`);
    found.add(name);
    return `@join__graph(name: "${name}", url: ${JSON.stringify(url)})`;
  });
  const unknown = Object.keys(urls).filter((name) => !found.has(name));
  if (unknown.length > 0) throw new Error(`not in the supergraph: ${unknown.join(', ')}`);
  return rewritten;
}
