// A minimal loopback STS for the benchmark: answers AssumeRole (and GetCallerIdentity) in the query
// protocol's XML, checks no signatures, and counts every call by action and by role. tgo reaches it through
// AWS_ENDPOINT_URL_STS with static AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in its environment. It is also the
// S3 endpoint (AWS_ENDPOINT_URL_S3): every GetObject, a dependency's state, answers NoSuchKey (never applied),
// so dependencies use their mock outputs as before and nothing reaches a real AWS endpoint.

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const esc = (s) => String(s).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);

export async function startSts() {
  const calls = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && !/[?&]Action=/.test(req.url ?? '')) {
        calls.push({ action: 's3:GetObject', at: Date.now() });
        const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';
        res.writeHead(404, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
        res.end(xml);
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const query = (req.url ?? '').split('?')[1] ?? '';
      const params = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? query : body));
      const action = params.Action ?? '';
      calls.push({ action, roleArn: params.RoleArn, sessionName: params.RoleSessionName, at: Date.now() });
      let inner;
      if (action === 'AssumeRole' || action === 'AssumeRoleWithWebIdentity') {
        const m = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(params.RoleArn ?? '');
        const account = m?.[1] ?? '000000000000';
        const role = m?.[2] ?? 'unknown';
        const seconds = Number(params.DurationSeconds ?? 3600);
        const exp = new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        inner = `<AssumedRoleUser><AssumedRoleId>AROABENCH:${esc(params.RoleSessionName)}</AssumedRoleId>`
          + `<Arn>arn:aws:sts::${account}:assumed-role/${esc(role)}/${esc(params.RoleSessionName)}</Arn></AssumedRoleUser>`
          + `<Credentials><AccessKeyId>ASIA${randomBytes(8).toString('hex').toUpperCase()}</AccessKeyId>`
          + `<SecretAccessKey>${randomBytes(30).toString('base64')}</SecretAccessKey>`
          + `<SessionToken>FwoGZXIvYXdzEBENCH${randomBytes(48).toString('base64')}</SessionToken>`
          + `<Expiration>${exp}</Expiration></Credentials>`;
      } else if (action === 'GetCallerIdentity') {
        inner = '<Arn>arn:aws:iam::111111111111:user/bench</Arn><UserId>AIDABENCH</UserId><Account>111111111111</Account>';
      } else {
        const xml = `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code>`
          + `<Message>bench STS does not implement ${esc(action)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
        res.writeHead(400, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(xml) });
        res.end(xml);
        return;
      }
      const id = randomUUID();
      const xml = `<${action}Response xmlns="${NS}"><${action}Result>${inner}</${action}Result>`
        + `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${action}Response>`;
      res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': id, 'content-length': Buffer.byteLength(xml) });
      res.end(xml);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** Forget the calls so far (between runs). */
    reset: () => calls.splice(0, calls.length),
    count: (action) => calls.filter((c) => c.action === action).length,
    distinctRoles: () => new Set(calls.filter((c) => c.action === 'AssumeRole').map((c) => c.roleArn)).size,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
