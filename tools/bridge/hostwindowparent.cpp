// SPDX-License-Identifier: GPL-2.0-or-later
#include "hostwindowparent.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>
#include <cstdlib>

#include <xcb/xcb.h>

namespace SendGuard::Bridge {

namespace {

// Where a window of another process lies on the screen (Qt knows nothing of a foreign window's
// geometry); empty off X11 or when the window is gone.
QRect foreignGeometry(quint64 windowId)
{
    const auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    if (!x11 || !x11->connection())
        return {};
    xcb_connection_t *connection = x11->connection();
    const auto window = xcb_window_t(windowId);
    xcb_get_geometry_reply_t *size = xcb_get_geometry_reply(connection, xcb_get_geometry(connection, window), nullptr);
    if (!size)
        return {};
    xcb_translate_coordinates_reply_t *origin = xcb_translate_coordinates_reply(
        connection, xcb_translate_coordinates(connection, window, size->root, 0, 0), nullptr);
    QRect geometry;
    if (origin)
        geometry = QRect(origin->dst_x, origin->dst_y, size->width, size->height);
    std::free(origin);
    std::free(size);
    return geometry;
}

} // namespace

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
    const QRect host = foreignGeometry(m_windowId);
    if (!host.isValid())
        return false;
    QRect placed(host.center() - QPoint(widget->width() / 2, widget->height() / 2), widget->size());
    // A host window smaller than the dialog, near the screen's edge, would push it off the screen:
    // it stays on the host's screen, its top left corner (title, first lines) on screen in any case.
    if (const QScreen *screen = QGuiApplication::screenAt(host.center())) {
        const QRect area = screen->availableGeometry();
        placed.moveLeft(std::max(area.left(), std::min(placed.left(), area.right() + 1 - placed.width())));
        placed.moveTop(std::max(area.top(), std::min(placed.top(), area.bottom() + 1 - placed.height())));
    }
    widget->move(placed.topLeft());
    return false;
}

} // namespace SendGuard::Bridge
