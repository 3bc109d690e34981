/**
 * The menu of one timeline row (README, "Web application": retraction in a row menu, not a red button on every row).
 * Its button names the entry it acts on; it holds what may be done with the entry — today: retract it.
 */
import { IconButton, Menu, MenuItem, SvgIcon } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function TimelineRowMenu({ id, entryName, onRetract }: { id: string; entryName: string; onRetract(): void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = `${id}-menu`;
  return (
    <>
      <IconButton id={id} size="small" aria-label={t('casePage.rowMenu', { entry: entryName })} aria-haspopup="menu" aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined} onClick={(event) => setAnchor(event.currentTarget)}>
        <SvgIcon fontSize="small" aria-hidden="true"><path d="M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2z" /></SvgIcon>
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-labelledby': id } }}>
        <MenuItem onClick={() => { setAnchor(null); onRetract(); }}>{t('casePage.retractEllipsis')}</MenuItem>
      </Menu>
    </>
  );
}
