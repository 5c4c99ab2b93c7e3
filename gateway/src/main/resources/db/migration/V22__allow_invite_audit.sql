-- Invitations by SMS from the admin page are audited too: the audit log's action check gains 'invite'.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check
  CHECK (action IN ('sign_in', 'sign_in_failed', 'launch', 'pause', 'close', 'edit', 'create', 'export', 'user_create',
                    'user_change', 'invite'));
