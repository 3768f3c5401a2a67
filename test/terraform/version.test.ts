// go-version's constraint semantics (hashicorp/go-version, as Terraform and Terragrunt use it). The expected
// answers are go-version's documented behaviour, written out by hand.
import { describe, expect, it } from 'vitest';
import { satisfies } from '../../src/shared/version-constraint.js';

describe('version constraints with go-version semantics', () => {
  it.each([
    ['1.11.4', '>= 1.5', true],
    ['1.11.4', '>= 1.5, < 1.11', false],
    ['1.11.4', '~> 1.11', true],
    ['1.12.0', '~> 1.11', true],
    ['2.0.0', '~> 1.11', false],
    ['1.11.4', '~> 1.10.2', false],
    ['1.10.9', '~> 1.10.2', true],
    ['1.10.1', '~> 1.10.2', false],
    ['1.11.4', '= 1.11.4', true],
    ['1.11.4', '1.11.4', true],
    ['1.11.4', 'v1.11.4', true],
    ['1.11', '1.11.0', true],
    ['1.11.4', '!= 1.11.4', false],
    ['1.11.4', '> 1.11.3, <= 1.11.4', true],
    ['1.11.4+ent', '= 1.11.4', true], // metadata is ignored
    // A prerelease satisfies only clauses naming a prerelease of the same version.
    ['1.7.0-beta1', '>= 1.6.0', false],
    ['1.7.0-beta1', '>= 1.7.0-alpha', true],
    ['1.7.0-beta1', '>= 1.6.0-alpha', false],
    ['1.7.0-beta2', '> 1.7.0-beta1', true],
    ['1.7.0-beta10', '> 1.7.0-beta2', false], // alphanumeric parts compare as strings: "beta10" < "beta2"
    ['1.7.0-rc.10', '> 1.7.0-rc.2', true], // numeric parts compare as numbers
    ['1.7.0', '> 1.7.0-rc.2', true],
    ['1.7.0-rc.2', '~> 1.7.0', false],
  ])('%s satisfies "%s": %s', (v, c, ok) => {
    expect(satisfies(v, c)).toBe(ok);
  });

  it.each([
    ['>= 1.5 < 2', 'Malformed constraint: >= 1.5 < 2'],
    ['>= banana', 'Malformed constraint: >= banana'],
    ['=> 1.0', 'Malformed constraint: => 1.0'],
    ['>= 1.0,', 'Malformed constraint: >= 1.0,'],
  ])('"%s" is malformed', (c, message) => {
    expect(() => satisfies('1.0.0', c)).toThrow(message);
  });
});
