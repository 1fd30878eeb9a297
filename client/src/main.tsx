import { Box, GlobalStyles } from '@bigcommerce/big-design';
import { theme } from '@bigcommerce/big-design-theme';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ThemeProvider } from 'styled-components';
import { App } from './App';
import { startSession } from './session/start';

// Read the boot data and swap the exchange code before the first render; the code is single-use.
void startSession();

const container = document.getElementById('root');
if (!container) {
  throw new Error('Missing #root element');
}

createRoot(container).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <GlobalStyles />
      <Box marginHorizontal={{ mobile: 'medium', tablet: 'xxLarge' }} marginVertical={{ mobile: 'medium', tablet: 'xLarge' }}>
        <App />
      </Box>
    </ThemeProvider>
  </StrictMode>,
);
