/** The SEED page of the admin menu: balances, an account's history, monthly flows, CSV exports. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { AccountHistory } from './Account';
import { Balances } from './Balances';
import { Exports } from './Exports';
import { Monthly } from './Monthly';

const App = () => (
  <Routes>
    <Route index element={<Balances />} />
    <Route path="accounts/:documentId" element={<AccountHistory />} />
    <Route path="monthly" element={<Monthly />} />
    <Route path="exports" element={<Exports />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
