import { describe, expect, it } from 'vitest';
import { satisfies } from '../../src/shared/version-constraint.js';

describe('terraform_version_constraint', () => {
  it.each([
    ['1.11.4', '>= 1.5', true],
    ['1.11.4', '>= 1.5, < 1.11', false],
    ['1.11.4', '~> 1.11', true],
    ['2.0.0', '~> 1.11', false],
    ['1.11.4', '~> 1.10.2', false],
    ['1.10.9', '~> 1.10.2', true],
    ['1.11.4', '= 1.11.4', true],
    ['1.11.4', '1.11.4', true],
    ['1.11.4', '!= 1.11.4', false],
    ['1.11.4', '> 1.11.3, <= 1.11.4', true],
  ])('%s satisfies "%s": %s', (v, c, ok) => {
    expect(satisfies(v, c)).toBe(ok);
  });
  it('rejects a malformed constraint', () => {
    expect(() => satisfies('1.0.0', '>= banana')).toThrow(/invalid version constraint ">= banana"/);
  });
});
