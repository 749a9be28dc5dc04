import { describe, expect, it } from 'vitest';
import { defineFieldLabels, fieldLabel } from './schemas.ts';

describe('field labels', () => {
  it('names a field by its last segment, and by the routes it is registered under first', () => {
    defineFieldLabels({ caption: '标题说明' });
    defineFieldLabels({ caption: '职务说明' }, '/api/staff-test');
    expect(fieldLabel('items.0.caption', '/api/other')).toBe('标题说明');
    expect(fieldLabel('caption', '/api/staff-test')).toBe('职务说明');
    expect(fieldLabel('caption', '/api/staff-test/12?x=1')).toBe('职务说明');
    expect(fieldLabel('caption', '/api/staff-tests')).toBe('标题说明');
    expect(fieldLabel('unknownField', '/api/staff-test')).toBeUndefined();
  });
});
