import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles/app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setRequestLanguage } from './api/client';
import { createQueryClient } from './api/query-client';
import { initI18n } from './i18n';
import './i18n/i18next-types';
import { createAppRouter } from './routes/router';
import { installSessionLostHandler } from './routes/session';
import { installListReturn } from './lib/list-return';

const i18n = await initI18n();
setRequestLanguage(i18n.language);
i18n.on('languageChanged', (language) => {
  setRequestLanguage(language);
});

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
installSessionLostHandler(router, queryClient);
installListReturn(router);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
