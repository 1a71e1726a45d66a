// A fake OpenAI-compatible server with a fixed latency, run in its own process so it does not
// compete with the client being measured. Prints its port, then serves until killed.
import { createServer } from 'node:http';

const latencyMs = Number(process.argv[2] ?? 50);
let served = 0;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const turns = (body.match(/"role":"user"/g) ?? []).length;
    setTimeout(() => {
      served++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: `c${served}`, object: 'chat.completion', created: 1, model: 'bench',
        choices: [{ index: 0, message: { role: 'assistant', content: `That sounds hard (turn ${turns}). What happened next?` }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 20 * turns, completion_tokens: 12, total_tokens: 20 * turns + 12 },
      }));
    }, latencyMs);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => process.exit(0));
