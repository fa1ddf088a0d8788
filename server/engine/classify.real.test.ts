import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from './classify';

/** Errors produced by real sockets, fetch and nodemailer against a real SMTP server on loopback. */

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves with whatever the promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** Builds the error a handler of smtp-server passes back to reply with a given code. */
function smtpReply(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

describe('classifyError on real network errors', () => {
  it('a refused HTTP connection certainly sent nothing', async () => {
    const port = await closedPort();
    const err = await rejection(new Promise((_, reject) => {
      http.request({ host: '127.0.0.1', port, method: 'POST' }).on('error', reject).end('{}');
    }));
    expect(classifyError(err)).toMatchObject({ code: 'CONNECTION_REFUSED', kind: 'transient', outcome: 'not-sent' });
  });

  it('fetch wraps the refusal in "fetch failed" and it is still found', async () => {
    const port = await closedPort();
    const err = await rejection(fetch(`http://127.0.0.1:${port}/send`, { method: 'POST' }));
    expect(classifyError(err)).toMatchObject({ code: 'CONNECTION_REFUSED', outcome: 'not-sent' });
  });

  it('a reset after the request was written leaves the outcome unknown', async () => {
    const server = net.createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const err = await rejection(new Promise((_, reject) => {
      http.request({ host: '127.0.0.1', port, method: 'POST' }).on('error', reject).end('{"send":true}');
    }));
    server.close();
    expect(classifyError(err)).toMatchObject({ code: 'CONNECTION_LOST', kind: 'transient', outcome: 'unknown' });
  });
});

describe('classifyError on nodemailer against smtp-server', () => {
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@')) return callback(smtpReply(550, '5.1.1 User unknown'));
        callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          const to = session.envelope.rcptTo[0]?.address ?? '';
          if (to.startsWith('busy@')) return callback(smtpReply(451, '4.7.1 Too many messages, slow down'));
          if (to.startsWith('quota@')) return callback(smtpReply(550, '5.1.90 Daily recipient limit reached'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (to: string, toPort = port) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: toPort, secure: false, ignoreTLS: true })
      .sendMail({ from: 'me@example.test', to, subject: 'Hi', text: 'Hello' });

  it.each([
    ['nobody@example.test', { code: 'RECIPIENT_REJECTED', kind: 'permanent', outcome: 'not-sent' }],
    ['busy@example.test', { code: 'SMTP_THROTTLED', kind: 'throttled', outcome: 'not-sent' }],
    ['quota@example.test', { code: 'QUOTA_EXCEEDED', kind: 'throttled', outcome: 'not-sent' }],
  ])('%s', async (to, expected) => {
    const c = classifyError(await rejection(send(to)));
    expect(c).toMatchObject(expected);
    expect(c.detail).toMatch(/^\d{3} /); // the raw server reply, for the report
  });

  it('a mail server that is not listening certainly got nothing', async () => {
    const c = classifyError(await rejection(send('someone@example.test', await closedPort())));
    expect(c).toMatchObject({ code: 'CONNECTION_REFUSED', kind: 'transient', outcome: 'not-sent' });
  });

  it('delivers normally when nothing is wrong', async () => {
    await expect(send('someone@example.test')).resolves.toMatchObject({ accepted: ['someone@example.test'] });
  });
});
