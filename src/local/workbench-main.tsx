import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbench } from './Workbench';
import { SAMPLE_TICKETS } from './samples';
import './workbench.css';

const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <Workbench samples={SAMPLE_TICKETS} />
  </StrictMode>,
);
