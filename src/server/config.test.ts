import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const trust = (value: string | undefined) =>
  loadConfig({ PULAU_TRUST_PROXY: value, PULAU_DATA_DIR: '/tmp/x' }).trustProxy;

describe('PULAU_TRUST_PROXY', () => {
  it('trusts no proxy when unset or false', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
  });

  it('takes a hop count or the proxies’ addresses and CIDRs', () => {
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.5, 10.1.0.0/16,loopback,fd00::/8')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'loopback',
      'fd00::/8',
    ]);
  });

  it('refuses "true" (trust every hop) and anything that is not an address', () => {
    expect(() => trust('true')).toThrow(/PULAU_TRUST_PROXY: "true" would trust every X-Forwarded-For hop/);
    expect(() => trust('yes')).toThrow(/number of proxies/);
    expect(() => trust('proxy.example.go.id')).toThrow(
      /not a hop count, address or CIDR: proxy.example.go.id/,
    );
  });
});

describe('PULAU_DB_POOL_SIZE', () => {
  it('sizes the PostgreSQL pool, 10 by default, and refuses nonsense', () => {
    const url = 'postgres://pulau@db/pulau';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url, poolSize: 10 });
    expect(loadConfig({ DATABASE_URL: url, PULAU_DB_POOL_SIZE: '40' }).database).toMatchObject({
      poolSize: 40,
    });
    expect(() => loadConfig({ DATABASE_URL: url, PULAU_DB_POOL_SIZE: '0' })).toThrow(/PULAU_DB_POOL_SIZE/);
  });
});
