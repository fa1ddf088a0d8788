import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('starts on its embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', provider: 'local', seedSamples: true, organisationLimits: {} });
    expect(c.limits).toEqual({ perMinute: 30, perDay: 10_000, concurrency: 2 });
  });

  it('names the variable and the value it could not use', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*"eighty"/);
    expect(() => loadConfig({ SERIATIM_CONCURRENCY: '9' })).toThrow(/SERIATIM_CONCURRENCY/);
  });

  it("reads organisations' own limits, keyed by tenant id", () => {
    const c = loadConfig({ SERIATIM_ORG_LIMITS: '{"72f988bf-86f1-41af-91ab-2d7cd011db47": {"perMinute": 20, "perDay": 5000}}' });
    expect(c.organisationLimits).toEqual({ '72f988bf-86f1-41af-91ab-2d7cd011db47': { perMinute: 20, perDay: 5000 } });
  });

  it('refuses organisation limits that are not JSON, not whole positive numbers, or not limits at all', () => {
    expect(() => loadConfig({ SERIATIM_ORG_LIMITS: '{tenant: 1}' })).toThrow(/SERIATIM_ORG_LIMITS: not JSON/);
    expect(() => loadConfig({ SERIATIM_ORG_LIMITS: '{"t1": {"perDay": 0}}' })).toThrow(/SERIATIM_ORG_LIMITS\.t1\.perDay/);
    expect(() => loadConfig({ SERIATIM_ORG_LIMITS: '{"t1": {"perHour": 5}}' })).toThrow(ConfigError);
    expect(() => loadConfig({ SERIATIM_ORG_LIMITS: '{"t1": {"perHour": 5}}' })).toThrow(/perHour/);
  });
});
