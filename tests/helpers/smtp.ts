/** A real SMTP server on 127.0.0.1 for the tests, keeping every message it receives. */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'net';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The decoded text/plain and text/html parts (quoted-printable or base64). */
  text: string;
  html: string;
}

export interface TestSmtp {
  port: number;
  mails: CapturedMail[];
  /** Messages refused so far (see `refuseNext`). */
  refused: number;
  /** Refuses the next `count` messages with a temporary failure (451), as a server in trouble does. */
  refuseNext(count: number): void;
  stop(): Promise<void>;
}

// RFC 2047 encoded words: =?UTF-8?Q?…?= and =?UTF-8?B?…?=.
const decodeWords = (value: string) =>
  value.replace(/\s*=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );

const headerOf = (raw: string, name: string) => {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : '';
};

const decodePart = (head: string, content: string) => {
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return content;
};

/** The message's parts by content type (one level of multipart, as nodemailer writes a text + HTML mail). */
const partsOf = (raw: string): Record<string, string> => {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  const byType: Record<string, string> = {};
  for (const part of parts) {
    const [head, ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const type = /content-type:\s*([^;\s]+)/i.exec(head)?.[1].toLowerCase() ?? 'text/plain';
    byType[type] = decodePart(head, rest.join('\n\n').replace(/\r?\n$/, ''));
  }
  return byType;
};

export const startSmtp = async (): Promise<TestSmtp> => {
  const mails: CapturedMail[] = [];
  let toRefuse = 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    // The app speaks plain SMTP to it (SMTP_SECURE=false, no STARTTLS offered).
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refused += 1;
          callback(Object.assign(new Error('Service temporairement indisponible'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        const parts = partsOf(raw);
        mails.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: headerOf(raw, 'Subject'),
          text: parts['text/plain'] ?? '',
          html: parts['text/html'] ?? '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    get refused() {
      return refused;
    },
    refuseNext: (count: number) => {
      toRefuse = count;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export const headerOfMail = headerOf;

/** The app's settings to send through this server, from this sender. */
export const smtpSettings = (smtp: TestSmtp, from: string): Record<string, string> => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  SMTP_SECURE: 'false',
  EMAIL_FROM: from,
});
