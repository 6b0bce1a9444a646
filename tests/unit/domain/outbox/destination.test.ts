import { isPrivateHost, refusedDestination } from '../../../../src/plugins/seed/server/src/domain/outbox/destination';

const hostOf = (url: string) => new URL(url).hostname;

describe('where the outbox may send (issue 17)', () => {
  it.each([
    'http://localhost/hooks',
    'http://api.localhost/hooks',
    'http://127.0.0.1:8080/hooks',
    'http://127.1/hooks',
    'http://2130706433/hooks',
    'http://0x7f.0.0.1/hooks',
    'http://0.0.0.0/hooks',
    'http://10.1.2.3/hooks',
    'http://172.16.0.1/hooks',
    'http://172.31.255.255/hooks',
    'http://192.168.1.10/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hooks',
    'http://[::]/hooks',
    'http://[fc00::1]/hooks',
    'http://[fd12:3456::1]/hooks',
    'http://[fe80::1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
    'http://[::ffff:10.0.0.1]/hooks',
  ])('%s is a private host', (url) => {
    expect(isPrivateHost(hostOf(url))).toBe(true);
  });

  it.each(['https://extranet.example.org/hooks', 'http://172.32.0.1/hooks', 'http://172.15.0.1/hooks', 'http://192.169.0.1/', 'http://8.8.8.8/', 'http://[2001:db8::1]/', 'http://[::ffff:8.8.8.8]/', 'http://localhost.example.org/'])(
    '%s is public',
    (url) => {
      expect(isPrivateHost(hostOf(url))).toBe(false);
    },
  );

  it('refuses a private host unless allowed, and anything but http(s) always', () => {
    expect(refusedDestination('http://127.0.0.1:3000/hooks', false)).toMatch(/public host/);
    expect(refusedDestination('http://127.0.0.1:3000/hooks', true)).toBeNull();
    expect(refusedDestination('https://extranet.example.org/hooks', false)).toBeNull();
    expect(refusedDestination('ftp://example.org', true)).toMatch(/http\(s\)/);
    expect(refusedDestination('not a url', true)).toMatch(/http\(s\)/);
  });
});
