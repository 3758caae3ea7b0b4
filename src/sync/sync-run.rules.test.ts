import { describe, expect, it } from 'vitest';
import { finishedStatus, isFinal, transition } from './sync-run.rules.js';

describe('sync run transitions', () => {
  it('starts only from QUEUED', () => {
    expect(transition('QUEUED', 'start')).toBe('RUNNING');
    expect(transition('RUNNING', 'start')).toBeNull();
    expect(transition('SUCCEEDED', 'start')).toBeNull();
  });

  it('finishes a running run by its counts', () => {
    expect(transition('RUNNING', 'finish', { succeeded: 3, failed: 0, blocked: 0 })).toBe('SUCCEEDED');
    expect(transition('RUNNING', 'finish', { succeeded: 3, failed: 1, blocked: 0 })).toBe('PARTIALLY_FAILED');
    expect(transition('RUNNING', 'finish', { succeeded: 0, failed: 1, blocked: 2 })).toBe('FAILED');
    expect(transition('QUEUED', 'finish')).toBeNull();
  });

  it('cancels or fails only unfinished runs', () => {
    expect(transition('QUEUED', 'cancel')).toBe('CANCELLED');
    expect(transition('RUNNING', 'cancel')).toBe('CANCELLED');
    expect(transition('SUCCEEDED', 'cancel')).toBeNull();
    expect(transition('CANCELLED', 'fail')).toBeNull();
    expect(transition('RUNNING', 'fail')).toBe('FAILED');
  });

  it('a run with nothing to do succeeds', () => {
    expect(finishedStatus({ succeeded: 0, failed: 0, blocked: 0 })).toBe('SUCCEEDED');
    expect(isFinal('PARTIALLY_FAILED')).toBe(true);
    expect(isFinal('RUNNING')).toBe(false);
  });
});
