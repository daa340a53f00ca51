import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Disagreements } from './Disagreements';
import './workbench.css';

const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <Disagreements />
  </StrictMode>,
);
