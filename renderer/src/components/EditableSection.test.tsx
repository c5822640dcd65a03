// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { EditableSection } from './EditableSection.tsx';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

/** Opens the Background section, types `text` into it and presses Ctrl+Enter. */
function saveBackground(text: string, onSave = vi.fn(async () => undefined)) {
  render(
    <I18nextProvider i18n={i18n}>
      <EditableSection sectionKey="background" title="Background" text="As before" onSave={onSave} />
    </I18nextProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: /Background/ }));
  const editor = screen.getByRole('textbox');
  fireEvent.change(editor, { target: { value: text } });
  fireEvent.keyDown(editor, { key: 'Enter', ctrlKey: true });
  return { onSave, editor };
}

describe('a brief section refused before it is sent', () => {
  it('says a 100,001-character paste is too long, naming the section, and sends nothing', () => {
    const { onSave, editor } = saveBackground('b'.repeat(100_001));
    expect(screen.getByText('“Background” was not saved. Too long: at most 100000 characters.')).toBeTruthy();
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says a control character is the problem, in Korean too', async () => {
    await i18n.changeLanguage('ko');
    const { onSave } = saveBackground('pasted\u0001text');
    expect(screen.getByText(/“Background”을\(를\) 저장하지 않았습니다\. .*제어 문자/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('sends a text within the rules', () => {
    const { onSave } = saveBackground('가'.repeat(100_000));
    expect(onSave).toHaveBeenCalledWith('가'.repeat(100_000));
  });
});
