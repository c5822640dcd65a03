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
    expect(screen.getByText('“Background” was not saved. Too long: 100001 characters, at most 100000.')).toBeTruthy();
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
    expect(onSave).toHaveBeenCalledWith('가'.repeat(100_000), 'As before');
  });
});

/** The Background section open for editing while the store holds "As before"; `rerender` brings the store's later text. */
type Save = (text: string, base: string) => Promise<{ staleText: string } | undefined>;
function openBackground(onSave = vi.fn<Save>(async () => undefined)) {
  const section = (text: string) => (
    <I18nextProvider i18n={i18n}>
      <EditableSection sectionKey="background" title="Background" text={text} onSave={onSave} />
    </I18nextProvider>
  );
  const view = render(section('As before'));
  fireEvent.click(screen.getByRole('button', { name: /Background/ }));
  return { onSave, view, changedElsewhere: (text: string) => view.rerender(section(text)) };
}

describe('a brief section changed in another window while it is open here', () => {
  it('leaving an editor one only opened does not write its old text over the other window’s', () => {
    const { onSave, view, changedElsewhere } = openBackground();
    changedElsewhere('Written in the other window');
    view.unmount();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saving an untouched editor writes nothing back', () => {
    const { onSave, changedElsewhere } = openBackground();
    changedElsewhere('Written in the other window');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says the section changed, shows what it now reads, and replaces it only when saved again', async () => {
    const { onSave, changedElsewhere } = openBackground();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Mine' } });
    changedElsewhere('Written in the other window');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(/“Background” was changed elsewhere .* It now reads: “Written in the other window”\./)).toBeTruthy();
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Mine');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith('Mine', 'Written in the other window');
  });

  it('an editor opened on the cached text, not yet typed into, takes the text the store then answers', () => {
    // The view opened from cache, Edit was clicked, and the view's fresh read arrived a moment later.
    const { onSave, changedElsewhere } = openBackground();
    changedElsewhere('Updated by the desk before this view was read again');
    const editor = screen.getByRole('textbox') as HTMLTextAreaElement;
    expect(editor.value).toBe('Updated by the desk before this view was read again');
    fireEvent.change(editor, { target: { value: 'Updated by the desk before this view was read again, and mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByText(/was changed elsewhere/)).toBeNull();
    expect(onSave).toHaveBeenCalledWith(
      'Updated by the desk before this view was read again, and mine',
      'Updated by the desk before this view was read again',
    );
  });

  it('still keeps typed text on leaving when nothing changed elsewhere', () => {
    const { onSave, view } = openBackground();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Typed, then the view closed' } });
    view.unmount();
    expect(onSave).toHaveBeenCalledWith('Typed, then the view closed', 'As before');
  });
});

describe('a brief section saved elsewhere a moment before this window heard of it', () => {
  it('shows what the store now holds when it refuses the save, and a second Save replaces that', async () => {
    const onSave = vi.fn<Save>(async (_text, base) =>
      base === 'As before' ? { staleText: 'Saved by the colleague a moment ago' } : undefined,
    );
    openBackground(onSave);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/“Background” was changed elsewhere .* It now reads: “Saved by the colleague a moment ago”\./),
    ).toBeTruthy();
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Mine');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: /Background/ });
    expect(onSave).toHaveBeenLastCalledWith('Mine', 'Saved by the colleague a moment ago');
  });
});

describe('a brief section read on screen', () => {
  const typed = '- **Do not** confirm the *draft*\n- Growth of 5 * 3 per cent*';
  it('shows **bold** and *italic* without their marks and "- " lines as a list, as the pack prints them, and a lone asterisk as typed', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <EditableSection sectionKey="points" title="Points to make" text={typed} onSave={vi.fn(async () => undefined)} />
      </I18nextProvider>,
    );
    const prose = document.querySelector('.prose');
    expect([...(prose?.querySelectorAll('ul > li') ?? [])].map((item) => item.textContent)).toEqual([
      'Do not confirm the draft',
      'Growth of 5 * 3 per cent*',
    ]);
    expect(prose?.querySelector('strong')?.textContent).toBe('Do not');
    expect(prose?.querySelector('em')?.textContent).toBe('draft');
  });

  it('opens the text with its marks for editing', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <EditableSection sectionKey="points" title="Points to make" text={typed} onSave={vi.fn(async () => undefined)} />
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Points to make/ }));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe(typed);
  });
});

describe('a brief section typed through a Hangul input method', () => {
  it('keeps the edit open, with its text, when Escape ends a syllable being composed', () => {
    const { onSave } = openBackground();
    const editor = screen.getByRole('textbox');
    fireEvent.change(editor, { target: { value: '울란바토르 정상회의 몽' } });
    fireEvent.keyDown(editor, { key: 'Escape', isComposing: true });
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('울란바토르 정상회의 몽');
    // Escape a second time, the composition over, gives up the edit as before.
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('takes the key that ends a composition as keyCode 229 the same way', () => {
    openBackground();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '알마티' } });
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Escape', keyCode: 229 });
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('알마티');
  });
});
