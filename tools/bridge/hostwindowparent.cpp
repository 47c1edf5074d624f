// SPDX-License-Identifier: GPL-2.0-or-later
#include "hostwindowparent.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace SendGuard::Bridge {

HostWindowParent::HostWindowParent(QObject *parent)
    : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this);
}

HostWindowParent::~HostWindowParent()
{
    delete m_hostWindow;
}

void HostWindowParent::setHostWindow(quint64 windowId)
{
    if (windowId == m_windowId)
        return;
    delete m_hostWindow;
    m_windowId = windowId;
    // A window of another process; null where the platform has no such thing (offscreen).
    m_hostWindow = windowId ? QWindow::fromWinId(WId(windowId)) : nullptr;
}

bool HostWindowParent::eventFilter(QObject *watched, QEvent *event)
{
    // The show event comes after the window exists and before it is mapped: the window manager
    // sees the transient-for hint from the start.
    if (event->type() != QEvent::Show || !m_hostWindow || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (!widget->isWindow() || !widget->windowHandle() || widget->windowHandle()->transientParent())
        return false;
    widget->windowHandle()->setTransientParent(m_hostWindow);
    const QRect host = m_hostWindow->geometry();
    if (host.isValid())
        widget->move(host.center() - QPoint(widget->width() / 2, widget->height() / 2));
    return false;
}

} // namespace SendGuard::Bridge
