#pragma once
// The main window: one tab per lab, menus with every common action and its
// shortcut, presentation mode, and remembered layout.
#include <QMainWindow>

class FieldLab;
class QTabWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    FieldLab* fieldLab() const { return fieldLab_; }
    void setPresentation(bool on);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void exportCurrentPlot();
    void showShortcuts();

    QTabWidget* tabs_ = nullptr;
    FieldLab* fieldLab_ = nullptr;
    QList<QAction*> shortcutActions_;
};
