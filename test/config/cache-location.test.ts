import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cacheOptions, describeCacheLocation, hidePassword, parseCacheLocation, redactUrl } from '../../src/config/cache-location.js';
import { UserError } from '../../src/errors.js';

describe('cache location', () => {
  it('redis:// and rediss:// URLs select Redis, with the URL kept whole for the client', () => {
    for (const url of ['redis://localhost:6379', 'redis://:pw@10.0.0.5:6380/2', 'rediss://user:pw@cache.example.com:6380/0', 'REDIS://h']) {
      assert.deepEqual(parseCacheLocation(url, '/work', '--cache-location'), { kind: 'redis', url });
    }
  });

  it('anything else is a SQLite path, resolved against the base', () => {
    assert.deepEqual(parseCacheLocation('c.sqlite', '/work', '--cache-location'), { kind: 'sqlite', path: path.resolve('/work/c.sqlite') });
    assert.deepEqual(parseCacheLocation('/abs/redis.sqlite', '/work', 'x'), { kind: 'sqlite', path: path.resolve('/abs/redis.sqlite') });
    assert.deepEqual(parseCacheLocation('redis-cache/c.sqlite', '/work', 'x'), { kind: 'sqlite', path: path.resolve('/work/redis-cache/c.sqlite') });
  });

  it('rejects bad Redis URLs and other schemes with a UserError that names the source and hides the password', () => {
    const cases: [string, RegExp][] = [
      ['redis://:secret@h/notanumber', /--cache-location redis:\/\/:\*\*\*@h\/notanumber: "notanumber" is not a database number/],
      ['redis://:secret@h:6379/0?tls=true', /query parameters/],
      ['redis://:secret@h:99999', /not a valid URL/],
      ['redis://', /not a valid URL|no host/],
      ['memcached://u:secret@h:11211', /only redis:\/\/ and rediss:\/\/ URLs are supported/],
    ];
    for (const [text, message] of cases) {
      assert.throws(
        () => parseCacheLocation(text, '/work', '--cache-location'),
        (error: unknown) => error instanceof UserError && message.test(error.message) && !error.message.includes('secret'),
        text,
      );
    }
  });

  it('the printable location never holds the password', () => {
    assert.equal(redactUrl('redis://user:s3cret@h:6379/2'), 'redis://user:***@h:6379/2');
    assert.equal(redactUrl('redis://:s3cret@h:6379'), 'redis://:***@h:6379');
    assert.equal(redactUrl('rediss://h:6380/'), 'rediss://h:6380');
    assert.equal(redactUrl('redis://user@h'), 'redis://user@h');
    const options = cacheOptions(true, { kind: 'redis', url: 'redis://:p%40ss@h:1/3' });
    assert.deepEqual(options, { enabled: true, location: 'redis://:***@h:1/3', store: { kind: 'redis', url: 'redis://:p%40ss@h:1/3' } });
    assert.equal(describeCacheLocation({ kind: 'sqlite', path: '/a/b.sqlite' }), '/a/b.sqlite');
  });

  it('scrubs the password, as written or decoded, from driver messages', () => {
    assert.equal(hidePassword('redis://:p%40ss@h', 'AUTH p@ss failed; p%40ss'), 'AUTH *** failed; ***');
    assert.equal(hidePassword('redis://h', 'no password here'), 'no password here');
  });
});
