// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QWindow>

namespace SendGuard::Bridge {

// Puts the dialogs SendGuard shows over the host's window, which lives in another process: every
// window the bridge shows while a host window is set is made transient for it (the window manager
// keeps it on top and centres it there) and is placed over its middle, within the screen.
class HostWindowParent : public QObject
{
public:
    explicit HostWindowParent(QObject *parent = nullptr);
    ~HostWindowParent() override;

    // 0: no host window (the dialog is placed as any top-level window).
    void setHostWindow(quint64 windowId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    quint64 m_windowId = 0;
    QPointer<QWindow> m_hostWindow;
};

} // namespace SendGuard::Bridge
