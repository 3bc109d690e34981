/**
 * The application: session, language, theme and the routes. Every page lives under the layout (header with
 * search and language switch, navigation, main content); the sign-in page stands alone.
 */
import { CssBaseline, ThemeProvider } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from './auth/session';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { Loading } from './components/Status';
import { Layout } from './layout/Layout';
import { AccessLogPage } from './pages/AccessLogPage';
import { CaseListPage } from './pages/CaseListPage';
import { CasePage } from './pages/CasePage';
import { ProofPage } from './pages/ProofPage';
import { EvidencePage } from './pages/EvidencePage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationSettingsPage } from './pages/NotificationSettingsPage';
import { PersonPage } from './pages/PersonPage';
import { ReportPage } from './pages/ReportPage';
import { RetentionPage } from './pages/RetentionPage';
import { ScreeningPage } from './pages/ScreeningPage';
import { SearchPage } from './pages/SearchPage';
import { InboxPage } from './pages/InboxPage';
import { VictimsPage } from './pages/VictimsPage';
import { WatchlistsPage } from './pages/WatchlistsPage';
import { WitnessesPage } from './pages/WitnessesPage';
import { AccountsPage } from './pages/admin/AccountsPage';
import { TokensPage } from './pages/admin/TokensPage';
import { VocabulariesPage } from './pages/admin/VocabulariesPage';
import { themeFor } from './theme';

export function App() {
  const { i18n } = useTranslation();
  const theme = useMemo(() => themeFor(i18n.language), [i18n.language]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </ThemeProvider>
  );
}

function AppRoutes() {
  const { principal, loading, passwordChangeRequired } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!principal) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  // After an administrator's reset the session may do nothing but choose a new password: every address shows that.
  if (passwordChangeRequired) return <ChangePasswordPage forced />;
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />} />
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="cases" element={<CaseListPage />} />
        <Route path="cases/:kind/:id" element={<CasePage />} />
        <Route path="cases/:kind/:id/proof" element={<ProofPage />} />
        <Route path="persons/:id" element={<PersonPage />} />
        <Route path="evidence/:id" element={<EvidencePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="victims" element={<VictimsPage />} />
        <Route path="witnesses" element={<WitnessesPage />} />
        <Route path="screening" element={<ScreeningPage />} />
        <Route path="report" element={<ReportPage />} />
        <Route path="access-log" element={<AccessLogPage />} />
        <Route path="retention" element={<RetentionPage />} />
        <Route path="watchlists" element={<WatchlistsPage />} />
        <Route path="admin/accounts" element={<AccountsPage />} />
        <Route path="admin/tokens" element={<TokensPage />} />
        <Route path="admin/vocabularies" element={<VocabulariesPage />} />
        <Route path="settings/notifications" element={<NotificationSettingsPage />} />
        <Route path="settings/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
