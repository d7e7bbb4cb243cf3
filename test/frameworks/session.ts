// What both apps ingest at start-up: a co-browse session the customer shares with one agent, Ada Lovelace. The
// tests find her name in the widget's panel, which only the app's store (bound by property) can have put there.
export const session = {
  id: 'conversation-1',
  participants: [
    {
      id: 'customer-1',
      purpose: 'customer',
      cobrowsesessions: [
        {
          id: 'cobrowse-1',
          state: 'connected',
          cobrowseSessionId: 'session-1',
          cobrowseRole: 'sharer',
          controlling: [],
        },
      ],
    },
    {
      id: 'agent-1',
      purpose: 'agent',
      name: 'Ada Lovelace',
      cobrowsesessions: [
        {
          id: 'cobrowse-2',
          state: 'connected',
          cobrowseSessionId: 'session-1',
          cobrowseRole: 'viewer',
          controlling: [],
        },
      ],
    },
  ],
};
