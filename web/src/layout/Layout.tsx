/**
 * The frame of every page after sign-in: a skip link, the header (organisation, person search, language switch,
 * sign-out), the navigation of the role's sections, the main content and a footer. Focus moves to the main
 * content after each navigation, so keyboard and screen-reader users start at the new page.
 */
import { AppBar, Box, Button, Container, GlobalStyles, InputBase, Link as MuiLink, Stack, Toolbar, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { PRINT_STYLES } from '../components/Tables';
import { labelOf } from '../format';
import { roleView, type Section } from '../roles';

const SECTION_PATHS: Record<Section, string> = {
  home: '/', inbox: '/inbox', cases: '/cases', victims: '/victims', screening: '/screening', watchlists: '/watchlists', report: '/report',
  accounts: '/admin/accounts', tokens: '/admin/tokens', vocabularies: '/admin/vocabularies', accessLog: '/access-log', retention: '/retention',
};

export function Layout() {
  const { t, i18n } = useTranslation();
  const { principal, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const view = roleView(principal!.role);
  // On a phone the header takes one line less: short buttons, the nav one scrollable row.
  const compact = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });

  useEffect(() => {
    if (first.current) { first.current = false; return; }
    main.current?.focus();
  }, [location.pathname]);

  const otherLanguage = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <GlobalStyles styles={PRINT_STYLES} />
      <MuiLink href="#main" className="skip-link" sx={{
        position: 'absolute', left: 8, top: -48, zIndex: 2000, bgcolor: '#ffffff', color: 'primary.main', p: 1,
        '&:focus': { top: 8 },
      }}>{t('common.skipToContent')}</MuiLink>
      <AppBar position="static" component="header" elevation={0}>
        <Toolbar sx={{ flexWrap: 'wrap', gap: { xs: 1, sm: 2 }, py: { xs: 0.5, sm: 1 }, minHeight: { xs: 0, sm: 64 } }}>
          <Box sx={{ mr: 'auto' }}>
            <MuiLink component={Link} to="/" color="inherit" underline="none" sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
              {t('common.appName')}
            </MuiLink>
            <Typography variant="body2" component="p" sx={{ opacity: 0.95, fontSize: { xs: '0.75rem', sm: '0.875rem' } }}>
              {labelOf(t, 'organisation', principal!.organisation)} · {principal!.username}
            </Typography>
          </Box>
          {view.personSearch && <HeaderSearch />}
          <Stack direction="row" spacing={1}>
            <Button color="inherit" variant="outlined" size={compact ? 'small' : 'medium'} lang={otherLanguage}
              onClick={() => void i18n.changeLanguage(otherLanguage)}
              aria-label={`${t('common.language')}: ${otherLanguage === 'en' ? t('common.switchToEnglish') : t('common.switchToDutch')}`}>
              {otherLanguage === 'en' ? 'English' : 'Nederlands'}
            </Button>
            <Button color="inherit" variant="outlined" size={compact ? 'small' : 'medium'} onClick={() => void signOut().then(() => navigate('/login'))}>{t('common.signOut')}</Button>
          </Stack>
        </Toolbar>
        <Box component="nav" aria-label={t('nav.main')} sx={{ bgcolor: '#0f3157' }}>
          <Container maxWidth="xl">
            <Stack component="ul" direction="row" spacing={0} sx={{ listStyle: 'none', m: 0, p: 0, flexWrap: { xs: 'nowrap', sm: 'wrap' }, overflowX: { xs: 'auto', sm: 'visible' } }}>
              {view.sections.map((section) => (
                <li key={section}>
                  <NavLink to={SECTION_PATHS[section]} end={section === 'home'} style={{ textDecoration: 'none' }}>
                    {({ isActive }) => (
                      <Box component="span" aria-current={isActive ? 'page' : undefined} sx={{
                        display: 'inline-block', px: { xs: 1.25, sm: 2 }, py: { xs: 0.75, sm: 1.25 }, whiteSpace: 'nowrap', color: '#ffffff', fontWeight: isActive ? 700 : 400,
                        borderBottom: isActive ? '4px solid #ffb612' : '4px solid transparent',
                      }}>{t(`nav.${section}`)}</Box>
                    )}
                  </NavLink>
                </li>
              ))}
            </Stack>
          </Container>
        </Box>
      </AppBar>
      <Container component="main" id="main" ref={main} tabIndex={-1} maxWidth="xl" sx={{ flex: 1, py: 3, outline: 'none' }}>
        <Outlet />
      </Container>
      <Box component="footer" sx={{ py: 2, px: 3, bgcolor: '#e8ecf1' }}>
        <Typography variant="body2">{t('common.footer')}</Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          <MuiLink component={Link} to="/settings/notifications">{t('notifications.link')}</MuiLink>
          {' · '}
          <MuiLink component={Link} to="/settings/password">{t('password.link')}</MuiLink>
        </Typography>
      </Box>
    </Box>
  );
}

function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim().length >= 2) navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  };
  return (
    <Box component="form" role="search" onSubmit={submit} sx={{ display: 'flex', gap: 1, alignItems: 'flex-end' }}>
      <Box>
        <Typography component="label" htmlFor="person-search" variant="body2" sx={{ display: { xs: 'none', sm: 'block' }, color: '#ffffff', mb: 0.5 }}>{t('search.label')}</Typography>
        <InputBase id="person-search" inputProps={{ 'aria-label': t('search.label') }} placeholder={t('search.placeholder')} value={query} onChange={(event) => setQuery(event.target.value)}
          sx={{ bgcolor: '#ffffff', borderRadius: 1, px: 1, py: 0.25, minWidth: 240, '& input::placeholder': { color: '#5c5c5c', opacity: 1 } }} />
      </Box>
      <Button type="submit" variant="contained" color="secondary">{t('search.submit')}</Button>
    </Box>
  );
}
