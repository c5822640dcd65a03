import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../components/Loading.tsx';
import { useQuery } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

/** '#/packs': saved packs on the left, the chosen (or a new) pack's builder beside them. */
export function PacksView() {
  const { t } = useTranslation();
  const packs = useQuery('pack.list', {});
  const [selected, setSelected] = useState<number | 'new'>('new');
  // Saving a new pack moves the builder onto the saved one; it then says so there, and keeps the copy's recipient
  // typed before the save: dropped, the next export went out unstamped and unregistered.
  const [justSaved, setJustSaved] = useState<{ id: number; copyFor: string } | null>(null);
  const select = (next: number | 'new') => {
    setJustSaved(null);
    setSelected(next);
  };
  const saved = (pack: { id: number }, typed: { copyFor: string }) => {
    setJustSaved({ id: pack.id, copyFor: typed.copyFor });
    setSelected(pack.id);
  };
  return (
    <>
      <div className="view-header">
        <h1>{t('packs.title')}</h1>
        <button type="button" onClick={() => select('new')}>
          {t('packs.newPack')}
        </button>
      </div>
      <p className="muted">{t('packs.intro')}</p>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(12rem, 16rem) 1fr', gap: '1.5rem', alignItems: 'start' }}>
        <section aria-labelledby="saved-packs">
          <h2 id="saved-packs">{t('packs.saved')}</h2>
          <Loaded query={packs}>
            {(list) =>
              list.length === 0 ? (
                <p className="muted">{t('packs.none')}</p>
              ) : (
                <ul className="cards">
                  {list.map((pack) => (
                    <li key={pack.id}>
                      <button
                        type="button"
                        className="link-like"
                        aria-current={selected === pack.id ? 'true' : undefined}
                        style={{
                          border: 'none',
                          background: 'none',
                          padding: 0,
                          textAlign: 'left',
                          fontWeight: selected === pack.id ? 700 : 400,
                        }}
                        onClick={() => select(pack.id)}
                      >
                        {pack.name}
                      </button>
                      <div className="muted">{pack.definition.title}</div>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
        {selected === 'new' ? (
          <PackEditor key="new" pack={null} justSaved={false} onSaved={saved} onDeleted={() => select('new')} />
        ) : (
          <SavedPackEditor
            key={selected}
            id={selected}
            justSaved={justSaved?.id === selected}
            copyForTyped={justSaved?.id === selected ? justSaved.copyFor : ''}
            onSaved={saved}
            onDeleted={() => select('new')}
          />
        )}
      </div>
    </>
  );
}

/** The builder of one saved pack, read by its id. */
function SavedPackEditor({
  id,
  justSaved,
  copyForTyped,
  onSaved,
  onDeleted,
}: {
  id: number;
  justSaved: boolean;
  copyForTyped: string;
  onSaved: (pack: { id: number }, typed: { copyFor: string }) => void;
  onDeleted: () => void;
}) {
  const pack = useQuery('pack.get', { id });
  return (
    <Loaded query={pack}>
      {(loaded) => <PackEditor pack={loaded} justSaved={justSaved} copyForTyped={copyForTyped} onSaved={onSaved} onDeleted={onDeleted} />}
    </Loaded>
  );
}
