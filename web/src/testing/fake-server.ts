/**
 * Stands in for the server in component tests: records every request and answers each with `server.answer`.
 * Import it before anything that imports the API client: the client takes the global fetch when it is created.
 */
export const server = {
  requests: [] as { method: string; url: string; headers: Headers; body: unknown }[],
  answer: { status: 200, body: {} as unknown },
  /** Answers a request itself when it returns a response (e.g. GETs by path); otherwise `answer` does. */
  route: undefined as ((request: Request) => Response | undefined) | undefined,
};

globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const routed = server.route?.(request);
  if (routed) return routed;
  const text = await request.text();
  server.requests.push({ method: request.method, url: request.url, headers: request.headers, body: text ? JSON.parse(text) : undefined });
  const contentType = server.answer.status < 400 ? 'application/json' : 'application/problem+json';
  return new Response(JSON.stringify(server.answer.body), { status: server.answer.status, headers: { 'content-type': contentType } });
}) as typeof fetch;
