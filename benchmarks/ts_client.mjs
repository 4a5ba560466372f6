// TypeScript client overhead per call: N sequential videos.remix calls of the generated SDK (compiled to ESM) on an
// injected fetch that returns a canned Response, against the bare path (the same fetch + JSON.stringify of the body,
// the client's credential and content-type headers, JSON.parse of the reply). The bare path has no timeout or abort
// support: the client's per-attempt AbortController signal (about 2 us on Node 20) is part of its cost.
//   node ts_client.mjs DIST_INDEX_JS BATCH ROUNDS   -> one JSON line {"ours": s/call, "bare": s/call}
const [, , index, batchArg, roundsArg] = process.argv;
const { OpenAIVideos } = await import(index);
const batch = Number(batchArg);
const rounds = Number(roundsArg);
const VIDEO = JSON.stringify({
  id: 'video_123', object: 'video', created_at: 1760000000, completed_at: null, expires_at: null, error: null,
  model: 'sora-2', progress: 0, prompt: 'a red fox in the snow, but at night', remixed_from_video_id: 'video_000',
  seconds: '8', size: '1280x720', status: 'queued',
});
const fetch = async (_url, _init) =>
  new Response(VIDEO, { status: 200, headers: { 'content-type': 'application/json' } });
const base = 'http://mock.test/v1';
const client = new OpenAIVideos({ apiKey: 'sk-test', baseURL: base, maxRetries: 0, fetch });

async function ours() {
  return client.videos.remix('video_123', { prompt: 'p' });
}

async function bare() {
  const response = await fetch(`${base}/videos/video_123/remix`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'p' }),
  });
  return JSON.parse(await response.text());
}

async function perCall(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e9 / batch;
}

if ((await ours()).id !== 'video_123' || (await bare()).id !== 'video_123') throw new Error('wrong reply');
// a warm-up batch of each (JIT, inline caches), then rounds alternating which path goes first, so that the garbage
// one path leaves is not always collected in the other's time
await perCall(ours);
await perCall(bare);
const best = { ours: Infinity, bare: Infinity };
for (let r = 0; r < rounds; r++) {
  for (const [name, fn] of r % 2 ? [['bare', bare], ['ours', ours]] : [['ours', ours], ['bare', bare]]) {
    best[name] = Math.min(best[name], await perCall(fn));
  }
}
console.log(JSON.stringify(best));
